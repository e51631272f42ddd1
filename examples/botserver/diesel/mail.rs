// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;
use super::core::user_sessions;
use super::core::users;

diesel::table! {
    distribution_lists (id) {
        id -> Uuid,
        bot_id -> Uuid,
        owner_id -> Uuid,
        name -> Varchar,
        email_alias -> Nullable<Varchar>,
        description -> Nullable<Text>,
        members_json -> Text,
        is_public -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_accounts (id) {
        id -> Uuid,
        user_id -> Uuid,
        name -> Varchar,
        email -> Varchar,
        imap_server -> Nullable<Varchar>,
        imap_port -> Nullable<Int4>,
        smtp_server -> Nullable<Varchar>,
        smtp_port -> Nullable<Int4>,
        username -> Nullable<Varchar>,
        password_encrypted -> Nullable<Text>,
        use_ssl -> Nullable<Bool>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_auto_responders (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        responder_type -> Varchar,
        subject -> Text,
        body_html -> Text,
        body_plain -> Nullable<Text>,
        start_date -> Nullable<Timestamptz>,
        end_date -> Nullable<Timestamptz>,
        send_to_internal_only -> Nullable<Bool>,
        exclude_addresses -> Nullable<Text>,
        is_active -> Nullable<Bool>,
        stalwart_sieve_id -> Nullable<Varchar>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_campaign_links (id) {
        id -> Uuid,
        email_id -> Uuid,
        campaign_id -> Nullable<Uuid>,
        list_id -> Nullable<Uuid>,
        sent_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_crm_links (id) {
        id -> Uuid,
        email_id -> Uuid,
        contact_id -> Nullable<Uuid>,
        opportunity_id -> Nullable<Uuid>,
        logged_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_drafts (id) {
        id -> Uuid,
        user_id -> Uuid,
        account_id -> Uuid,
        to_address -> Text,
        cc_address -> Nullable<Text>,
        bcc_address -> Nullable<Text>,
        subject -> Nullable<Varchar>,
        body -> Nullable<Text>,
        attachments -> Jsonb,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    email_flags (id) {
        id -> Uuid,
        email_id -> Uuid,
        follow_up_date -> Nullable<Date>,
        flag_type -> Nullable<Varchar>,
        completed -> Nullable<Bool>,
        created_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_folders (id) {
        id -> Uuid,
        account_id -> Uuid,
        folder_name -> Varchar,
        folder_path -> Varchar,
        unread_count -> Int4,
        total_count -> Int4,
        last_synced -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    email_label_assignments (id) {
        id -> Uuid,
        email_message_id -> Varchar,
        label_id -> Uuid,
        assigned_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_labels (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        color -> Nullable<Varchar>,
        parent_id -> Nullable<Uuid>,
        is_system -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_monitors (id) {
        id -> Uuid,
        bot_id -> Uuid,
        email_address -> Varchar,
        script_path -> Varchar,
        is_active -> Nullable<Bool>,
        last_check_at -> Nullable<Timestamptz>,
        last_uid -> Nullable<Int8>,
        filter_from -> Nullable<Varchar>,
        filter_subject -> Nullable<Varchar>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    email_nudges (id) {
        id -> Uuid,
        email_id -> Uuid,
        last_sent -> Nullable<Timestamp>,
        dismissed -> Nullable<Bool>,
        created_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_offline_queue (id) {
        id -> Uuid,
        user_id -> Uuid,
        action -> Varchar,
        data -> Jsonb,
        created_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_received_events (id) {
        id -> Uuid,
        monitor_id -> Uuid,
        message_uid -> Int8,
        message_id -> Nullable<Varchar>,
        from_address -> Varchar,
        to_addresses_json -> Nullable<Text>,
        subject -> Nullable<Varchar>,
        received_at -> Nullable<Timestamptz>,
        has_attachments -> Nullable<Bool>,
        attachments_json -> Nullable<Text>,
        processed -> Nullable<Bool>,
        processed_at -> Nullable<Timestamptz>,
        error_message -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    email_rules (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        priority -> Nullable<Int4>,
        conditions_json -> Text,
        actions_json -> Text,
        stop_processing -> Nullable<Bool>,
        is_active -> Nullable<Bool>,
        stalwart_sieve_id -> Nullable<Varchar>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_signatures (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Nullable<Uuid>,
        name -> Varchar,
        content_html -> Text,
        content_plain -> Text,
        is_default -> Nullable<Bool>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_snooze (id) {
        id -> Uuid,
        email_id -> Uuid,
        snooze_until -> Timestamp,
        created_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    email_templates (id) {
        id -> Uuid,
        bot_id -> Uuid,
        user_id -> Nullable<Uuid>,
        name -> Varchar,
        description -> Nullable<Text>,
        subject_template -> Text,
        body_html_template -> Text,
        body_plain_template -> Nullable<Text>,
        variables_json -> Nullable<Text>,
        category -> Nullable<Varchar>,
        is_shared -> Nullable<Bool>,
        usage_count -> Nullable<Int4>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    email_tracking (id) {
        id -> Uuid,
        recipient_id -> Nullable<Uuid>,
        campaign_id -> Nullable<Uuid>,
        message_id -> Nullable<Varchar>,
        open_token -> Nullable<Uuid>,
        open_tracking_enabled -> Nullable<Bool>,
        opened -> Nullable<Bool>,
        opened_at -> Nullable<Timestamptz>,
        clicked -> Nullable<Bool>,
        clicked_at -> Nullable<Timestamptz>,
        ip_address -> Nullable<Varchar>,
        user_agent -> Nullable<Varchar>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    emails (id) {
        id -> Uuid,
        user_id -> Uuid,
        account_id -> Nullable<Uuid>,
        folder -> Varchar,
        from_address -> Varchar,
        to_address -> Text,
        cc_address -> Nullable<Text>,
        bcc_address -> Nullable<Text>,
        subject -> Nullable<Text>,
        body -> Nullable<Text>,
        html_body -> Nullable<Text>,
        is_read -> Nullable<Bool>,
        is_starred -> Nullable<Bool>,
        is_flagged -> Nullable<Bool>,
        thread_id -> Nullable<Uuid>,
        in_reply_to -> Nullable<Uuid>,
        message_id -> Nullable<Varchar>,
        ai_category -> Nullable<Varchar>,
        ai_confidence -> Nullable<Float8>,
        created_at -> Nullable<Timestamp>,
        updated_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    global_email_signatures (id) {
        id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        content_html -> Text,
        content_plain -> Text,
        position -> Nullable<Varchar>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    scheduled_emails (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        to_addresses -> Text,
        cc_addresses -> Nullable<Text>,
        bcc_addresses -> Nullable<Text>,
        subject -> Text,
        body_html -> Text,
        body_plain -> Nullable<Text>,
        attachments_json -> Nullable<Text>,
        scheduled_at -> Timestamptz,
        sent_at -> Nullable<Timestamptz>,
        status -> Nullable<Varchar>,
        retry_count -> Nullable<Int4>,
        error_message -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    sent_email_tracking (id) {
        id -> Uuid,
        tracking_id -> Uuid,
        bot_id -> Uuid,
        account_id -> Uuid,
        from_email -> Varchar,
        to_email -> Varchar,
        cc -> Nullable<Text>,
        bcc -> Nullable<Text>,
        subject -> Text,
        sent_at -> Timestamptz,
        is_read -> Bool,
        read_at -> Nullable<Timestamptz>,
        read_count -> Int4,
        first_read_ip -> Nullable<Varchar>,
        last_read_ip -> Nullable<Varchar>,
        user_agent -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    shared_mailbox_members (id) {
        id -> Uuid,
        mailbox_id -> Uuid,
        user_id -> Uuid,
        permission_level -> Nullable<Varchar>,
        added_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    shared_mailboxes (id) {
        id -> Uuid,
        bot_id -> Uuid,
        email_address -> Varchar,
        display_name -> Varchar,
        description -> Nullable<Text>,
        settings_json -> Nullable<Text>,
        stalwart_account_id -> Nullable<Varchar>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    user_email_accounts (id) {
        id -> Uuid,
        user_id -> Uuid,
        email -> Varchar,
        display_name -> Nullable<Varchar>,
        imap_server -> Varchar,
        imap_port -> Int4,
        smtp_server -> Varchar,
        smtp_port -> Int4,
        username -> Varchar,
        password_encrypted -> Text,
        is_primary -> Bool,
        is_active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(distribution_lists -> bots (bot_id));
diesel::joinable!(distribution_lists -> users (owner_id));
diesel::joinable!(email_auto_responders -> bots (bot_id));
diesel::joinable!(email_auto_responders -> users (user_id));
diesel::joinable!(email_campaign_links -> emails (email_id));
diesel::joinable!(email_crm_links -> emails (email_id));
diesel::joinable!(email_drafts -> user_email_accounts (account_id));
diesel::joinable!(email_drafts -> users (user_id));
diesel::joinable!(email_flags -> emails (email_id));
diesel::joinable!(email_folders -> user_email_accounts (account_id));
diesel::joinable!(email_label_assignments -> email_labels (label_id));
diesel::joinable!(email_labels -> bots (bot_id));
diesel::joinable!(email_labels -> users (user_id));
diesel::joinable!(email_monitors -> bots (bot_id));
diesel::joinable!(email_nudges -> emails (email_id));
diesel::joinable!(email_received_events -> email_monitors (monitor_id));
diesel::joinable!(email_rules -> bots (bot_id));
diesel::joinable!(email_rules -> users (user_id));
diesel::joinable!(email_signatures -> bots (bot_id));
diesel::joinable!(email_signatures -> users (user_id));
diesel::joinable!(email_snooze -> emails (email_id));
diesel::joinable!(email_templates -> bots (bot_id));
diesel::joinable!(email_templates -> users (user_id));
diesel::joinable!(global_email_signatures -> bots (bot_id));
diesel::joinable!(scheduled_emails -> bots (bot_id));
diesel::joinable!(scheduled_emails -> users (user_id));
diesel::joinable!(shared_mailbox_members -> shared_mailboxes (mailbox_id));
diesel::joinable!(shared_mailbox_members -> users (user_id));
diesel::joinable!(shared_mailboxes -> bots (bot_id));
diesel::joinable!(user_email_accounts -> users (user_id));
diesel::joinable!(user_sessions -> user_email_accounts (active_email_account_id));

diesel::allow_tables_to_appear_in_same_query!(
    distribution_lists,
    email_accounts,
    email_auto_responders,
    email_campaign_links,
    email_crm_links,
    email_drafts,
    email_flags,
    email_folders,
    email_label_assignments,
    email_labels,
    email_monitors,
    email_nudges,
    email_offline_queue,
    email_received_events,
    email_rules,
    email_signatures,
    email_snooze,
    email_templates,
    email_tracking,
    emails,
    global_email_signatures,
    scheduled_emails,
    sent_email_tracking,
    shared_mailbox_members,
    shared_mailboxes,
    user_email_accounts,
);
diesel::allow_tables_to_appear_in_same_query!(
    distribution_lists,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    distribution_lists,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_auto_responders,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_auto_responders,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_drafts,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_labels,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_labels,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_monitors,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_rules,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_rules,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_signatures,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_signatures,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_templates,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_templates,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    global_email_signatures,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    scheduled_emails,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    scheduled_emails,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    shared_mailbox_members,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    shared_mailboxes,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    user_email_accounts,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    user_sessions,
    user_email_accounts,
);
