// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::people::crm_contacts;
use super::people::crm_deals;

diesel::table! {
    feature_flags (id) {
        id -> Uuid,
        org_id -> Uuid,
        feature -> Varchar,
        enabled -> Nullable<Bool>,
        created_at -> Nullable<Timestamp>,
    }
}

diesel::table! {
    marketing_campaigns (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        status -> Nullable<Varchar>,
        channel -> Varchar,
        content_template -> Nullable<Jsonb>,
        scheduled_at -> Nullable<Timestamptz>,
        sent_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        metrics -> Nullable<Jsonb>,
        budget -> Nullable<Float8>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
        deal_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    marketing_list_contacts (list_id, contact_id) {
        list_id -> Uuid,
        contact_id -> Uuid,
        added_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    marketing_lists (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        list_type -> Varchar,
        query_text -> Nullable<Text>,
        contact_count -> Nullable<Int4>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    marketing_recipients (id) {
        id -> Uuid,
        campaign_id -> Nullable<Uuid>,
        contact_id -> Nullable<Uuid>,
        deal_id -> Nullable<Uuid>,
        channel -> Varchar,
        status -> Nullable<Varchar>,
        sent_at -> Nullable<Timestamptz>,
        delivered_at -> Nullable<Timestamptz>,
        failed_at -> Nullable<Timestamptz>,
        error_message -> Nullable<Text>,
        response -> Nullable<Jsonb>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    marketing_templates (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        channel -> Varchar,
        subject -> Nullable<Varchar>,
        body -> Nullable<Text>,
        media_url -> Nullable<Varchar>,
        ai_prompt -> Nullable<Text>,
        variables -> Nullable<Jsonb>,
        approved -> Nullable<Bool>,
        meta_template_id -> Nullable<Varchar>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(marketing_campaigns -> crm_deals (deal_id));
diesel::joinable!(marketing_list_contacts -> crm_contacts (contact_id));
diesel::joinable!(marketing_list_contacts -> marketing_lists (list_id));
diesel::joinable!(marketing_recipients -> crm_contacts (contact_id));
diesel::joinable!(marketing_recipients -> crm_deals (deal_id));
diesel::joinable!(marketing_recipients -> marketing_campaigns (campaign_id));

diesel::allow_tables_to_appear_in_same_query!(
    feature_flags,
    marketing_campaigns,
    marketing_list_contacts,
    marketing_lists,
    marketing_recipients,
    marketing_templates,
);
diesel::allow_tables_to_appear_in_same_query!(
    marketing_campaigns,
    crm_deals,
);
diesel::allow_tables_to_appear_in_same_query!(
    marketing_list_contacts,
    crm_contacts,
);
diesel::allow_tables_to_appear_in_same_query!(
    marketing_recipients,
    crm_contacts,
);
diesel::allow_tables_to_appear_in_same_query!(
    marketing_recipients,
    crm_deals,
);
