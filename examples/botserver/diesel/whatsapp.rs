// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;

diesel::table! {
    whatsapp_business (id) {
        id -> Uuid,
        bot_id -> Uuid,
        phone_number_id -> Nullable<Varchar>,
        business_account_id -> Nullable<Varchar>,
        access_token -> Nullable<Varchar>,
        webhooks_verified -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    whatsapp_numbers (id) {
        id -> Uuid,
        bot_id -> Uuid,
        phone_number -> Varchar,
        is_active -> Nullable<Bool>,
        created_at -> Timestamptz,
    }
}

diesel::joinable!(whatsapp_numbers -> bots (bot_id));

diesel::allow_tables_to_appear_in_same_query!(
    whatsapp_business,
    whatsapp_numbers,
);
diesel::allow_tables_to_appear_in_same_query!(
    whatsapp_numbers,
    bots,
);
