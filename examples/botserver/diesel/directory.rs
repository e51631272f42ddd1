// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bot_access;
use super::core::bots;
use super::core::organizations;

diesel::table! {
    directory_users (id) {
        id -> Uuid,
        directory_id -> Varchar,
        username -> Varchar,
        email -> Varchar,
        org_id -> Uuid,
        bot_id -> Nullable<Uuid>,
        first_name -> Nullable<Varchar>,
        last_name -> Nullable<Varchar>,
        is_admin -> Nullable<Bool>,
        is_bot_user -> Nullable<Bool>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(directory_users -> bots (bot_id));
diesel::joinable!(directory_users -> organizations (org_id));

diesel::allow_tables_to_appear_in_same_query!(
    bot_access,
    directory_users,
);
diesel::allow_tables_to_appear_in_same_query!(
    directory_users,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    directory_users,
    organizations,
);
