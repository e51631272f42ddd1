// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;
use super::core::user_sessions;

diesel::table! {
    designer_changes (id) {
        id -> Uuid,
        bot_id -> Uuid,
        session_id -> Nullable<Uuid>,
        change_type -> Varchar,
        description -> Text,
        file_path -> Varchar,
        original_content -> Text,
        new_content -> Text,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    designer_dialogs (id) {
        id -> Text,
        name -> Text,
        description -> Text,
        bot_id -> Text,
        content -> Text,
        is_active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    designer_pending_changes (id) {
        id -> Uuid,
        bot_id -> Uuid,
        session_id -> Nullable<Uuid>,
        analysis_json -> Text,
        instruction -> Text,
        expires_at -> Timestamptz,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(designer_changes -> bots (bot_id));
diesel::joinable!(designer_changes -> user_sessions (session_id));
diesel::joinable!(designer_pending_changes -> bots (bot_id));
diesel::joinable!(designer_pending_changes -> user_sessions (session_id));

diesel::allow_tables_to_appear_in_same_query!(
    designer_changes,
    designer_dialogs,
    designer_pending_changes,
);
diesel::allow_tables_to_appear_in_same_query!(
    designer_changes,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    designer_changes,
    user_sessions,
);
diesel::allow_tables_to_appear_in_same_query!(
    designer_pending_changes,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    designer_pending_changes,
    user_sessions,
);
