// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::mail::email_tracking;
use super::marketing::marketing_campaigns;
use super::marketing::marketing_recipients;

diesel::joinable!(email_tracking -> marketing_campaigns (campaign_id));
diesel::joinable!(email_tracking -> marketing_recipients (recipient_id));

diesel::allow_tables_to_appear_in_same_query!(
    email_tracking,
    marketing_campaigns,
);
diesel::allow_tables_to_appear_in_same_query!(
    email_tracking,
    marketing_recipients,
);
