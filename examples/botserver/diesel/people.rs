// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;
use super::core::organizations;
use super::core::users;

diesel::table! {
    attendance_sla_events (id) {
        id -> Uuid,
        session_id -> Uuid,
        sla_policy_id -> Uuid,
        event_type -> Varchar,
        due_at -> Timestamptz,
        met_at -> Nullable<Timestamptz>,
        breached_at -> Nullable<Timestamptz>,
        status -> Nullable<Varchar>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    attendance_sla_policies (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        channel -> Nullable<Varchar>,
        priority -> Nullable<Varchar>,
        first_response_minutes -> Nullable<Int4>,
        resolution_minutes -> Nullable<Int4>,
        escalate_on_breach -> Nullable<Bool>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    crm_accounts (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        website -> Nullable<Varchar>,
        industry -> Nullable<Varchar>,
        employees_count -> Nullable<Int4>,
        annual_revenue -> Nullable<Numeric>,
        phone -> Nullable<Varchar>,
        email -> Nullable<Varchar>,
        address_line1 -> Nullable<Varchar>,
        address_line2 -> Nullable<Varchar>,
        city -> Nullable<Varchar>,
        state -> Nullable<Varchar>,
        postal_code -> Nullable<Varchar>,
        country -> Nullable<Varchar>,
        description -> Nullable<Text>,
        tags -> Nullable<Array<Nullable<Text>>>,
        custom_fields -> Nullable<Jsonb>,
        owner_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    crm_activities (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        contact_id -> Nullable<Uuid>,
        lead_id -> Nullable<Uuid>,
        opportunity_id -> Nullable<Uuid>,
        account_id -> Nullable<Uuid>,
        activity_type -> Varchar,
        subject -> Nullable<Varchar>,
        description -> Nullable<Text>,
        due_date -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        outcome -> Nullable<Varchar>,
        owner_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    crm_contacts (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        first_name -> Nullable<Varchar>,
        last_name -> Nullable<Varchar>,
        email -> Nullable<Varchar>,
        phone -> Nullable<Varchar>,
        mobile -> Nullable<Varchar>,
        company -> Nullable<Varchar>,
        job_title -> Nullable<Varchar>,
        source -> Nullable<Varchar>,
        status -> Varchar,
        tags -> Nullable<Array<Nullable<Text>>>,
        custom_fields -> Nullable<Jsonb>,
        address_line1 -> Nullable<Varchar>,
        address_line2 -> Nullable<Varchar>,
        city -> Nullable<Varchar>,
        state -> Nullable<Varchar>,
        postal_code -> Nullable<Varchar>,
        country -> Nullable<Varchar>,
        notes -> Nullable<Text>,
        owner_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    crm_deal_segments (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        description -> Nullable<Varchar>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    crm_deals (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        contact_id -> Nullable<Uuid>,
        account_id -> Nullable<Uuid>,
        am_id -> Nullable<Uuid>,
        owner_id -> Nullable<Uuid>,
        lead_id -> Nullable<Uuid>,
        title -> Nullable<Varchar>,
        name -> Nullable<Varchar>,
        description -> Nullable<Text>,
        value -> Nullable<Float8>,
        currency -> Nullable<Varchar>,
        stage_id -> Nullable<Uuid>,
        stage -> Nullable<Varchar>,
        probability -> Nullable<Int4>,
        won -> Nullable<Bool>,
        source -> Nullable<Varchar>,
        segment_id -> Nullable<Uuid>,
        expected_close_date -> Nullable<Date>,
        actual_close_date -> Nullable<Date>,
        period -> Nullable<Int4>,
        deal_date -> Nullable<Date>,
        closed_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
        notes -> Nullable<Text>,
        tags -> Nullable<Array<Nullable<Text>>>,
        custom_fields -> Nullable<Jsonb>,
        department_id -> Nullable<Uuid>,
        lost_reason -> Nullable<Varchar>,
    }
}

diesel::table! {
    crm_leads (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        contact_id -> Nullable<Uuid>,
        account_id -> Nullable<Uuid>,
        title -> Varchar,
        description -> Nullable<Text>,
        value -> Nullable<Numeric>,
        currency -> Nullable<Varchar>,
        stage_id -> Nullable<Uuid>,
        stage -> Varchar,
        probability -> Int4,
        source -> Nullable<Varchar>,
        expected_close_date -> Nullable<Date>,
        owner_id -> Nullable<Uuid>,
        lost_reason -> Nullable<Varchar>,
        tags -> Nullable<Array<Nullable<Text>>>,
        custom_fields -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        closed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    crm_notes (id) {
        id -> Uuid,
        org_id -> Uuid,
        contact_id -> Nullable<Uuid>,
        lead_id -> Nullable<Uuid>,
        opportunity_id -> Nullable<Uuid>,
        account_id -> Nullable<Uuid>,
        content -> Text,
        author_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    crm_opportunities (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        lead_id -> Nullable<Uuid>,
        account_id -> Nullable<Uuid>,
        contact_id -> Nullable<Uuid>,
        name -> Varchar,
        description -> Nullable<Text>,
        value -> Nullable<Numeric>,
        currency -> Nullable<Varchar>,
        stage_id -> Nullable<Uuid>,
        stage -> Varchar,
        probability -> Int4,
        source -> Nullable<Varchar>,
        expected_close_date -> Nullable<Date>,
        actual_close_date -> Nullable<Date>,
        won -> Nullable<Bool>,
        owner_id -> Nullable<Uuid>,
        tags -> Nullable<Array<Nullable<Text>>>,
        custom_fields -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    crm_pipeline_stages (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        stage_order -> Int4,
        probability -> Int4,
        is_won -> Bool,
        is_lost -> Bool,
        color -> Nullable<Varchar>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    people (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        user_id -> Nullable<Uuid>,
        first_name -> Varchar,
        last_name -> Nullable<Varchar>,
        email -> Nullable<Varchar>,
        phone -> Nullable<Varchar>,
        mobile -> Nullable<Varchar>,
        job_title -> Nullable<Varchar>,
        department -> Nullable<Varchar>,
        manager_id -> Nullable<Uuid>,
        office_location -> Nullable<Varchar>,
        hire_date -> Nullable<Date>,
        birthday -> Nullable<Date>,
        avatar_url -> Nullable<Text>,
        bio -> Nullable<Text>,
        skills -> Array<Nullable<Text>>,
        social_links -> Jsonb,
        custom_fields -> Jsonb,
        timezone -> Nullable<Varchar>,
        locale -> Nullable<Varchar>,
        is_active -> Bool,
        last_seen_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    people_departments (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        description -> Nullable<Text>,
        code -> Nullable<Varchar>,
        parent_id -> Nullable<Uuid>,
        head_id -> Nullable<Uuid>,
        cost_center -> Nullable<Varchar>,
        is_active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    people_org_chart (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        person_id -> Uuid,
        reports_to_id -> Nullable<Uuid>,
        position_title -> Nullable<Varchar>,
        position_level -> Int4,
        position_order -> Int4,
        effective_from -> Nullable<Date>,
        effective_until -> Nullable<Date>,
        is_active -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    people_person_skills (id) {
        id -> Uuid,
        person_id -> Uuid,
        skill_id -> Uuid,
        proficiency_level -> Int4,
        years_experience -> Nullable<Numeric>,
        verified_by -> Nullable<Uuid>,
        verified_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    people_skills (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        category -> Nullable<Varchar>,
        description -> Nullable<Text>,
        is_active -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    people_team_members (id) {
        id -> Uuid,
        team_id -> Uuid,
        person_id -> Uuid,
        role -> Nullable<Varchar>,
        is_primary -> Bool,
        joined_at -> Timestamptz,
    }
}

diesel::table! {
    people_teams (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        description -> Nullable<Text>,
        leader_id -> Nullable<Uuid>,
        parent_team_id -> Nullable<Uuid>,
        color -> Nullable<Varchar>,
        icon -> Nullable<Varchar>,
        is_active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    people_time_off (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        person_id -> Uuid,
        time_off_type -> Varchar,
        status -> Varchar,
        start_date -> Date,
        end_date -> Date,
        hours_requested -> Nullable<Numeric>,
        reason -> Nullable<Text>,
        approved_by -> Nullable<Uuid>,
        approved_at -> Nullable<Timestamptz>,
        notes -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::joinable!(attendance_sla_events -> attendance_sla_policies (sla_policy_id));
diesel::joinable!(crm_accounts -> bots (bot_id));
diesel::joinable!(crm_accounts -> organizations (org_id));
diesel::joinable!(crm_accounts -> users (owner_id));
diesel::joinable!(crm_activities -> bots (bot_id));
diesel::joinable!(crm_activities -> crm_accounts (account_id));
diesel::joinable!(crm_activities -> crm_contacts (contact_id));
diesel::joinable!(crm_activities -> crm_leads (lead_id));
diesel::joinable!(crm_activities -> crm_opportunities (opportunity_id));
diesel::joinable!(crm_activities -> organizations (org_id));
diesel::joinable!(crm_activities -> users (owner_id));
diesel::joinable!(crm_contacts -> bots (bot_id));
diesel::joinable!(crm_contacts -> organizations (org_id));
diesel::joinable!(crm_contacts -> users (owner_id));
diesel::joinable!(crm_deals -> crm_accounts (account_id));
diesel::joinable!(crm_deals -> crm_contacts (contact_id));
diesel::joinable!(crm_deals -> crm_deal_segments (segment_id));
diesel::joinable!(crm_deals -> crm_leads (lead_id));
diesel::joinable!(crm_deals -> crm_pipeline_stages (stage_id));
diesel::joinable!(crm_deals -> people_departments (department_id));
diesel::joinable!(crm_leads -> bots (bot_id));
diesel::joinable!(crm_leads -> crm_accounts (account_id));
diesel::joinable!(crm_leads -> crm_contacts (contact_id));
diesel::joinable!(crm_leads -> crm_pipeline_stages (stage_id));
diesel::joinable!(crm_leads -> organizations (org_id));
diesel::joinable!(crm_leads -> users (owner_id));
diesel::joinable!(crm_notes -> crm_accounts (account_id));
diesel::joinable!(crm_notes -> crm_contacts (contact_id));
diesel::joinable!(crm_notes -> crm_leads (lead_id));
diesel::joinable!(crm_notes -> crm_opportunities (opportunity_id));
diesel::joinable!(crm_notes -> organizations (org_id));
diesel::joinable!(crm_notes -> users (author_id));
diesel::joinable!(crm_opportunities -> bots (bot_id));
diesel::joinable!(crm_opportunities -> crm_accounts (account_id));
diesel::joinable!(crm_opportunities -> crm_contacts (contact_id));
diesel::joinable!(crm_opportunities -> crm_leads (lead_id));
diesel::joinable!(crm_opportunities -> crm_pipeline_stages (stage_id));
diesel::joinable!(crm_opportunities -> organizations (org_id));
diesel::joinable!(crm_opportunities -> users (owner_id));
diesel::joinable!(crm_pipeline_stages -> bots (bot_id));
diesel::joinable!(crm_pipeline_stages -> organizations (org_id));
diesel::joinable!(people_departments -> people (head_id));
diesel::joinable!(people_person_skills -> people_skills (skill_id));
diesel::joinable!(people_team_members -> people (person_id));
diesel::joinable!(people_team_members -> people_teams (team_id));
diesel::joinable!(people_teams -> people (leader_id));

diesel::allow_tables_to_appear_in_same_query!(
    attendance_sla_events,
    attendance_sla_policies,
    crm_accounts,
    crm_activities,
    crm_contacts,
    crm_deal_segments,
    crm_deals,
    crm_leads,
    crm_notes,
    crm_opportunities,
    crm_pipeline_stages,
    people,
    people_departments,
    people_org_chart,
    people_person_skills,
    people_skills,
    people_team_members,
    people_teams,
    people_time_off,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_accounts,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_accounts,
    organizations,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_accounts,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_activities,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_activities,
    organizations,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_activities,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_contacts,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_contacts,
    organizations,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_contacts,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_deals,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_leads,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_leads,
    organizations,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_leads,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_notes,
    organizations,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_notes,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_opportunities,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_opportunities,
    organizations,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_opportunities,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_pipeline_stages,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    crm_pipeline_stages,
    organizations,
);
