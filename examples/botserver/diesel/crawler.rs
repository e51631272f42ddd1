// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;

diesel::table! {
    website_crawls (id) {
        id -> Uuid,
        bot_id -> Uuid,
        url -> Text,
        last_crawled -> Nullable<Timestamptz>,
        next_crawl -> Nullable<Timestamptz>,
        expires_policy -> Varchar,
        max_depth -> Nullable<Int4>,
        max_pages -> Nullable<Int4>,
        crawl_status -> Nullable<Int2>,
        pages_crawled -> Nullable<Int4>,
        error_message -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
        refresh_policy -> Nullable<Varchar>,
    }
}

diesel::joinable!(website_crawls -> bots (bot_id));

diesel::allow_tables_to_appear_in_same_query!(
    website_crawls,
    bots,
);
