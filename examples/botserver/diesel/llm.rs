// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

diesel::table! {
    llm_budget (id) {
        id -> Uuid,
        bot_id -> Uuid,
        daily_limit -> Float8,
        monthly_limit -> Float8,
        alert_threshold -> Float8,
        daily_spend -> Float8,
        monthly_spend -> Float8,
        daily_reset_date -> Date,
        monthly_reset_date -> Date,
        daily_alert_sent -> Bool,
        monthly_alert_sent -> Bool,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    llm_metrics (id) {
        id -> Uuid,
        request_id -> Uuid,
        session_id -> Uuid,
        bot_id -> Uuid,
        model -> Varchar,
        request_type -> Varchar,
        input_tokens -> Int8,
        output_tokens -> Int8,
        total_tokens -> Int8,
        latency_ms -> Int8,
        ttft_ms -> Nullable<Int8>,
        cached -> Bool,
        success -> Bool,
        error -> Nullable<Text>,
        estimated_cost -> Float8,
        timestamp -> Timestamptz,
        metadata -> Jsonb,
    }
}

diesel::table! {
    llm_metrics_hourly (id) {
        id -> Uuid,
        bot_id -> Uuid,
        hour -> Timestamptz,
        total_requests -> Int8,
        successful_requests -> Int8,
        failed_requests -> Int8,
        cache_hits -> Int8,
        cache_misses -> Int8,
        total_input_tokens -> Int8,
        total_output_tokens -> Int8,
        total_tokens -> Int8,
        total_cost -> Float8,
        avg_latency_ms -> Float8,
        p50_latency_ms -> Float8,
        p95_latency_ms -> Float8,
        p99_latency_ms -> Float8,
        max_latency_ms -> Int8,
        min_latency_ms -> Int8,
        requests_by_model -> Jsonb,
        tokens_by_model -> Jsonb,
        cost_by_model -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    llm_traces (id) {
        id -> Uuid,
        parent_id -> Nullable<Uuid>,
        trace_id -> Uuid,
        name -> Varchar,
        component -> Varchar,
        event_type -> Varchar,
        duration_ms -> Nullable<Int8>,
        start_time -> Timestamptz,
        end_time -> Nullable<Timestamptz>,
        attributes -> Jsonb,
        status -> Varchar,
        error -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::allow_tables_to_appear_in_same_query!(
    llm_budget,
    llm_metrics,
    llm_metrics_hourly,
    llm_traces,
);
