// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;
use super::core::workflow_executions;

diesel::table! {
    bot_shared_memory (id) {
        id -> Uuid,
        source_bot_id -> Uuid,
        target_bot_id -> Uuid,
        memory_key -> Text,
        memory_value -> Text,
        shared_at -> Timestamptz,
    }
}

diesel::table! {
    workflow_events (id) {
        id -> Uuid,
        workflow_id -> Nullable<Uuid>,
        event_name -> Text,
        event_data_json -> Nullable<Text>,
        processed -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(workflow_events -> workflow_executions (workflow_id));

diesel::allow_tables_to_appear_in_same_query!(
    bot_shared_memory,
    workflow_events,
);
diesel::allow_tables_to_appear_in_same_query!(
    bot_shared_memory,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    workflow_events,
    workflow_executions,
);
