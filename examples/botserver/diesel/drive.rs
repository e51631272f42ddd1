// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;
use super::core::users;

diesel::table! {
    document_presence (id) {
        id -> Uuid,
        document_id -> Uuid,
        user_id -> Uuid,
        cursor_position_json -> Nullable<Text>,
        selection_range_json -> Nullable<Text>,
        color -> Nullable<Varchar>,
        is_editing -> Nullable<Bool>,
        last_activity -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    drive_files (id) {
        id -> Uuid,
        bot_id -> Uuid,
        file_path -> Text,
        file_type -> Varchar,
        etag -> Nullable<Text>,
        last_modified -> Nullable<Timestamptz>,
        file_size -> Nullable<Int8>,
        indexed -> Bool,
        fail_count -> Int4,
        last_failed_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    file_activities (id) {
        id -> Uuid,
        file_id -> Uuid,
        user_id -> Nullable<Uuid>,
        activity_type -> Varchar,
        details_json -> Nullable<Text>,
        ip_address -> Nullable<Varchar>,
        user_agent -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    file_comments (id) {
        id -> Uuid,
        file_id -> Uuid,
        user_id -> Uuid,
        parent_id -> Nullable<Uuid>,
        content -> Text,
        anchor_data_json -> Nullable<Text>,
        is_resolved -> Nullable<Bool>,
        resolved_by -> Nullable<Uuid>,
        resolved_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    file_shares (id) {
        id -> Uuid,
        file_id -> Uuid,
        shared_by -> Uuid,
        shared_with_user -> Nullable<Uuid>,
        shared_with_email -> Nullable<Varchar>,
        shared_with_group -> Nullable<Uuid>,
        permission_level -> Varchar,
        can_reshare -> Nullable<Bool>,
        password_hash -> Nullable<Varchar>,
        expires_at -> Nullable<Timestamptz>,
        link_token -> Nullable<Varchar>,
        access_count -> Nullable<Int4>,
        last_accessed_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    file_sync_status (id) {
        id -> Uuid,
        user_id -> Uuid,
        device_id -> Varchar,
        file_id -> Uuid,
        local_path -> Nullable<Text>,
        sync_status -> Nullable<Varchar>,
        local_version -> Nullable<Int4>,
        remote_version -> Nullable<Int4>,
        conflict_data_json -> Nullable<Text>,
        last_synced_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    file_trash (id) {
        id -> Uuid,
        original_file_id -> Uuid,
        original_path -> Text,
        owner_id -> Uuid,
        bot_id -> Uuid,
        file_metadata_json -> Text,
        deleted_by -> Uuid,
        deleted_at -> Nullable<Timestamptz>,
        permanent_delete_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    file_versions (id) {
        id -> Uuid,
        file_id -> Uuid,
        version_number -> Int4,
        file_path -> Text,
        file_size -> Int8,
        file_hash -> Varchar,
        modified_by -> Uuid,
        change_summary -> Nullable<Text>,
        is_current -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    storage_quotas (id) {
        id -> Uuid,
        user_id -> Nullable<Uuid>,
        bot_id -> Nullable<Uuid>,
        quota_bytes -> Int8,
        used_bytes -> Int8,
        warning_threshold_percent -> Nullable<Int4>,
        last_calculated_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(document_presence -> users (user_id));
diesel::joinable!(drive_files -> bots (bot_id));
diesel::joinable!(file_activities -> users (user_id));
diesel::joinable!(file_sync_status -> users (user_id));
diesel::joinable!(file_trash -> bots (bot_id));
diesel::joinable!(file_versions -> users (modified_by));
diesel::joinable!(storage_quotas -> bots (bot_id));
diesel::joinable!(storage_quotas -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    document_presence,
    drive_files,
    file_activities,
    file_comments,
    file_shares,
    file_sync_status,
    file_trash,
    file_versions,
    storage_quotas,
);
diesel::allow_tables_to_appear_in_same_query!(
    document_presence,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    drive_files,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    file_activities,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    file_comments,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    file_shares,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    file_sync_status,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    file_trash,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    file_trash,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    file_versions,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    storage_quotas,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    storage_quotas,
    users,
);
