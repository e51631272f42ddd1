// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::auto_tasks;
use super::core::bots;
use super::core::execution_plans;
use super::core::users;

diesel::table! {
    task_approvals (id) {
        id -> Uuid,
        bot_id -> Uuid,
        task_id -> Uuid,
        plan_id -> Nullable<Uuid>,
        step_index -> Nullable<Int4>,
        action_type -> Varchar,
        action_description -> Text,
        risk_level -> Nullable<Varchar>,
        status -> Varchar,
        decision -> Nullable<Varchar>,
        decision_reason -> Nullable<Text>,
        decided_by -> Nullable<Uuid>,
        decided_at -> Nullable<Timestamptz>,
        expires_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    task_decisions (id) {
        id -> Uuid,
        bot_id -> Uuid,
        task_id -> Uuid,
        question -> Text,
        options -> Jsonb,
        context -> Nullable<Jsonb>,
        status -> Varchar,
        selected_option -> Nullable<Varchar>,
        decision_reason -> Nullable<Text>,
        decided_by -> Nullable<Uuid>,
        decided_at -> Nullable<Timestamptz>,
        timeout_seconds -> Nullable<Int4>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    task_dependencies (id) {
        id -> Uuid,
        task_id -> Uuid,
        depends_on_task_id -> Uuid,
        dependency_type -> Nullable<Varchar>,
        lag_days -> Nullable<Int4>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    task_recurrence (id) {
        id -> Uuid,
        task_template_id -> Uuid,
        recurrence_pattern -> Varchar,
        interval_value -> Nullable<Int4>,
        days_of_week_json -> Nullable<Text>,
        day_of_month -> Nullable<Int4>,
        month_of_year -> Nullable<Int4>,
        end_date -> Nullable<Timestamptz>,
        occurrence_count -> Nullable<Int4>,
        next_occurrence -> Nullable<Timestamptz>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    task_time_entries (id) {
        id -> Uuid,
        task_id -> Uuid,
        user_id -> Uuid,
        description -> Nullable<Text>,
        started_at -> Timestamptz,
        ended_at -> Nullable<Timestamptz>,
        duration_minutes -> Nullable<Int4>,
        is_billable -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    tasks (id) {
        id -> Uuid,
        title -> Text,
        description -> Nullable<Text>,
        status -> Text,
        priority -> Text,
        assignee_id -> Nullable<Uuid>,
        reporter_id -> Nullable<Uuid>,
        project_id -> Nullable<Uuid>,
        due_date -> Nullable<Timestamptz>,
        tags -> Nullable<Array<Nullable<Text>>>,
        dependencies -> Nullable<Array<Nullable<Uuid>>>,
        estimated_hours -> Nullable<Float8>,
        actual_hours -> Nullable<Float8>,
        progress -> Nullable<Int4>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(task_approvals -> auto_tasks (task_id));
diesel::joinable!(task_approvals -> bots (bot_id));
diesel::joinable!(task_approvals -> execution_plans (plan_id));
diesel::joinable!(task_decisions -> auto_tasks (task_id));
diesel::joinable!(task_decisions -> bots (bot_id));
diesel::joinable!(task_recurrence -> tasks (task_template_id));
diesel::joinable!(task_time_entries -> tasks (task_id));
diesel::joinable!(task_time_entries -> users (user_id));

diesel::allow_tables_to_appear_in_same_query!(
    task_approvals,
    task_decisions,
    task_dependencies,
    task_recurrence,
    task_time_entries,
    tasks,
);
diesel::allow_tables_to_appear_in_same_query!(
    task_approvals,
    auto_tasks,
);
diesel::allow_tables_to_appear_in_same_query!(
    task_approvals,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    task_approvals,
    execution_plans,
);
diesel::allow_tables_to_appear_in_same_query!(
    task_decisions,
    auto_tasks,
);
diesel::allow_tables_to_appear_in_same_query!(
    task_decisions,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    task_time_entries,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    tasks,
    users,
);
