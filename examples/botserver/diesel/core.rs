// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

diesel::table! {
    a2a_messages (id) {
        id -> Uuid,
        session_id -> Uuid,
        from_agent -> Varchar,
        to_agent -> Nullable<Varchar>,
        message_type -> Varchar,
        payload -> Text,
        correlation_id -> Uuid,
        timestamp -> Timestamptz,
        metadata -> Nullable<Text>,
        ttl_seconds -> Int4,
        hop_count -> Int4,
        processed -> Bool,
        processed_at -> Nullable<Timestamptz>,
        error_message -> Nullable<Text>,
    }
}

diesel::table! {
    account_sync_items (id) {
        id -> Uuid,
        account_id -> Uuid,
        item_type -> Text,
        item_id -> Text,
        subject -> Nullable<Text>,
        content_preview -> Nullable<Text>,
        sender -> Nullable<Text>,
        recipients -> Nullable<Text>,
        item_date -> Nullable<Timestamptz>,
        folder -> Nullable<Text>,
        labels -> Nullable<Text>,
        has_attachments -> Nullable<Bool>,
        qdrant_point_id -> Nullable<Text>,
        embedding_status -> Nullable<Text>,
        metadata_json -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    approval_audit_log (id) {
        id -> Uuid,
        request_id -> Uuid,
        action -> Varchar,
        actor -> Varchar,
        details -> Jsonb,
        timestamp -> Timestamptz,
        ip_address -> Nullable<Varchar>,
        user_agent -> Nullable<Text>,
    }
}

diesel::table! {
    approval_chains (id) {
        id -> Uuid,
        name -> Varchar,
        bot_id -> Uuid,
        levels -> Jsonb,
        stop_on_reject -> Bool,
        require_all -> Bool,
        description -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    approval_requests (id) {
        id -> Uuid,
        bot_id -> Uuid,
        session_id -> Uuid,
        initiated_by -> Uuid,
        approval_type -> Varchar,
        status -> Varchar,
        channel -> Varchar,
        recipient -> Varchar,
        context -> Jsonb,
        message -> Text,
        timeout_seconds -> Int4,
        default_action -> Nullable<Varchar>,
        current_level -> Int4,
        total_levels -> Int4,
        created_at -> Timestamptz,
        expires_at -> Timestamptz,
        reminders_sent -> Jsonb,
        decision -> Nullable<Varchar>,
        decided_by -> Nullable<Varchar>,
        decided_at -> Nullable<Timestamptz>,
        comments -> Nullable<Text>,
    }
}

diesel::table! {
    approval_tokens (id) {
        id -> Uuid,
        request_id -> Uuid,
        token -> Varchar,
        action -> Varchar,
        used -> Bool,
        used_at -> Nullable<Timestamptz>,
        expires_at -> Timestamptz,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    auto_tasks (id) {
        id -> Uuid,
        bot_id -> Uuid,
        session_id -> Nullable<Uuid>,
        title -> Varchar,
        intent -> Text,
        status -> Varchar,
        execution_mode -> Varchar,
        priority -> Varchar,
        plan_id -> Nullable<Uuid>,
        basic_program -> Nullable<Text>,
        current_step -> Nullable<Int4>,
        total_steps -> Nullable<Int4>,
        progress -> Nullable<Float8>,
        step_results -> Nullable<Jsonb>,
        manifest_json -> Nullable<Jsonb>,
        error -> Nullable<Text>,
        started_at -> Nullable<Timestamptz>,
        completed_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    basic_tools (id) {
        id -> Uuid,
        bot_id -> Uuid,
        tool_name -> Text,
        file_path -> Text,
        ast_path -> Text,
        mcp_json -> Nullable<Jsonb>,
        tool_json -> Nullable<Jsonb>,
        compiled_at -> Timestamptz,
        is_active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    bot_access (id) {
        id -> Uuid,
        bot_id -> Uuid,
        user_id -> Uuid,
        access_level -> Varchar,
        granted_at -> Timestamptz,
        granted_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    bot_channels (id) {
        id -> Uuid,
        bot_id -> Uuid,
        channel_type -> Int4,
        config -> Jsonb,
        is_active -> Nullable<Bool>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    bot_configuration (id) {
        id -> Uuid,
        bot_id -> Uuid,
        config_key -> Text,
        config_value -> Text,
        config_type -> Text,
        is_encrypted -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    bot_memories (id) {
        id -> Uuid,
        bot_id -> Uuid,
        key -> Text,
        value -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    bot_memory_extended (id) {
        id -> Uuid,
        bot_id -> Uuid,
        session_id -> Nullable<Uuid>,
        memory_type -> Varchar,
        key -> Varchar,
        value -> Text,
        ttl_seconds -> Nullable<Int4>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        expires_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    bot_reflections (id) {
        id -> Uuid,
        bot_id -> Uuid,
        session_id -> Uuid,
        reflection_type -> Text,
        score -> Float8,
        insights -> Text,
        improvements -> Text,
        positive_patterns -> Text,
        concerns -> Text,
        raw_response -> Text,
        messages_analyzed -> Int4,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    bots (id) {
        id -> Uuid,
        name -> Varchar,
        description -> Nullable<Text>,
        llm_provider -> Varchar,
        llm_config -> Jsonb,
        context_provider -> Varchar,
        context_config -> Jsonb,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        is_active -> Nullable<Bool>,
        tenant_id -> Nullable<Uuid>,
        org_id -> Nullable<Uuid>,
        is_default -> Nullable<Bool>,
        parent_bot_id -> Nullable<Uuid>,
        enabled_tabs_json -> Nullable<Text>,
        inherit_parent_config -> Nullable<Bool>,
        database_name -> Nullable<Varchar>,
        slug -> Nullable<Varchar>,
    }
}

diesel::table! {
    clicks (id) {
        id -> Int4,
        campaign_id -> Text,
        email -> Text,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    component_installations (id) {
        id -> Uuid,
        component_name -> Text,
        component_type -> Text,
        version -> Text,
        install_path -> Text,
        binary_path -> Nullable<Text>,
        data_path -> Nullable<Text>,
        config_path -> Nullable<Text>,
        log_path -> Nullable<Text>,
        status -> Text,
        port -> Nullable<Int4>,
        pid -> Nullable<Int4>,
        auto_start -> Bool,
        metadata -> Nullable<Jsonb>,
        installed_at -> Timestamptz,
        last_started_at -> Nullable<Timestamptz>,
        last_stopped_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    component_logs (id) {
        id -> Uuid,
        component_name -> Text,
        log_level -> Text,
        message -> Text,
        details -> Nullable<Jsonb>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    connected_accounts (id) {
        id -> Uuid,
        bot_id -> Uuid,
        user_id -> Nullable<Uuid>,
        email -> Text,
        provider -> Text,
        account_type -> Text,
        access_token -> Text,
        refresh_token -> Nullable<Text>,
        token_expires_at -> Nullable<Timestamptz>,
        scopes -> Nullable<Text>,
        status -> Text,
        sync_enabled -> Bool,
        sync_interval_seconds -> Int4,
        last_sync_at -> Nullable<Timestamptz>,
        last_sync_status -> Nullable<Text>,
        last_sync_error -> Nullable<Text>,
        metadata_json -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    connection_configurations (id) {
        id -> Uuid,
        bot_id -> Uuid,
        connection_name -> Text,
        connection_type -> Text,
        host -> Text,
        port -> Int4,
        database_name -> Text,
        username -> Text,
        password -> Text,
        ssl_enabled -> Bool,
        additional_params -> Nullable<Jsonb>,
        is_active -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    context_injections (id) {
        id -> Uuid,
        session_id -> Uuid,
        injected_by -> Uuid,
        context_data -> Jsonb,
        reason -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    conversation_costs (id) {
        id -> Uuid,
        session_id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        model_used -> Nullable<Varchar>,
        input_tokens -> Int4,
        output_tokens -> Int4,
        cost_usd -> Numeric,
        timestamp -> Timestamptz,
    }
}

diesel::table! {
    conversation_episodes (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        session_id -> Uuid,
        summary -> Text,
        key_topics -> Jsonb,
        decisions -> Jsonb,
        action_items -> Jsonb,
        sentiment -> Jsonb,
        resolution -> Varchar,
        message_count -> Int4,
        message_ids -> Jsonb,
        conversation_start -> Timestamptz,
        conversation_end -> Timestamptz,
        metadata -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    conversation_messages (id) {
        id -> Uuid,
        session_id -> Uuid,
        bot_id -> Uuid,
        user_id -> Nullable<Uuid>,
        role -> Varchar,
        content -> Text,
        metadata -> Nullable<Jsonb>,
        token_count -> Nullable<Int4>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    dynamic_table_definitions (id) {
        id -> Uuid,
        bot_id -> Uuid,
        table_name -> Varchar,
        connection_name -> Varchar,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
        is_active -> Nullable<Bool>,
        read_roles -> Nullable<Text>,
        write_roles -> Nullable<Text>,
    }
}

diesel::table! {
    dynamic_table_fields (id) {
        id -> Uuid,
        table_definition_id -> Uuid,
        field_name -> Varchar,
        field_type -> Varchar,
        field_length -> Nullable<Int4>,
        field_precision -> Nullable<Int4>,
        is_key -> Nullable<Bool>,
        #[sql_name = "is_nullable"]
        is_nullable_ -> Nullable<Bool>,
        default_value -> Nullable<Text>,
        reference_table -> Nullable<Varchar>,
        field_order -> Int4,
        created_at -> Nullable<Timestamptz>,
        read_roles -> Nullable<Text>,
        write_roles -> Nullable<Text>,
    }
}

diesel::table! {
    episodic_memories (id) {
        id -> Uuid,
        bot_id -> Uuid,
        user_id -> Uuid,
        session_id -> Nullable<Uuid>,
        summary -> Text,
        key_topics -> Nullable<Jsonb>,
        decisions -> Nullable<Jsonb>,
        action_items -> Nullable<Jsonb>,
        message_count -> Int4,
        start_timestamp -> Timestamptz,
        end_timestamp -> Timestamptz,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    execution_plans (id) {
        id -> Uuid,
        bot_id -> Uuid,
        task_id -> Nullable<Uuid>,
        intent -> Text,
        intent_type -> Nullable<Varchar>,
        confidence -> Nullable<Float8>,
        status -> Varchar,
        steps -> Jsonb,
        context -> Nullable<Jsonb>,
        basic_program -> Nullable<Text>,
        simulation_result -> Nullable<Jsonb>,
        approved_at -> Nullable<Timestamptz>,
        approved_by -> Nullable<Uuid>,
        executed_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    external_connections (id) {
        id -> Uuid,
        bot_id -> Uuid,
        connection_name -> Varchar,
        driver -> Varchar,
        server -> Varchar,
        port -> Nullable<Int4>,
        database_name -> Nullable<Varchar>,
        username -> Nullable<Varchar>,
        password_encrypted -> Nullable<Text>,
        additional_params -> Nullable<Jsonb>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
        last_connected_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    folder_change_events (id) {
        id -> Uuid,
        monitor_id -> Uuid,
        event_type -> Varchar,
        file_path -> Varchar,
        file_id -> Nullable<Varchar>,
        file_name -> Nullable<Varchar>,
        file_size -> Nullable<Int8>,
        mime_type -> Nullable<Varchar>,
        old_path -> Nullable<Varchar>,
        processed -> Nullable<Bool>,
        processed_at -> Nullable<Timestamptz>,
        error_message -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    folder_monitors (id) {
        id -> Uuid,
        bot_id -> Uuid,
        provider -> Varchar,
        account_email -> Nullable<Varchar>,
        folder_path -> Varchar,
        folder_id -> Nullable<Varchar>,
        script_path -> Varchar,
        is_active -> Nullable<Bool>,
        watch_subfolders -> Nullable<Bool>,
        last_check_at -> Nullable<Timestamptz>,
        last_change_token -> Nullable<Varchar>,
        event_types_json -> Nullable<Text>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    gbot_config_sync (id) {
        id -> Uuid,
        bot_id -> Uuid,
        config_file_path -> Text,
        last_sync_at -> Timestamptz,
        file_hash -> Text,
        sync_count -> Int4,
    }
}

diesel::table! {
    generated_api_tools (id) {
        id -> Uuid,
        bot_id -> Uuid,
        api_name -> Varchar,
        spec_url -> Text,
        spec_hash -> Varchar,
        tool_count -> Int4,
        last_synced_at -> Timestamptz,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    generated_apps (id) {
        id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        description -> Nullable<Text>,
        domain -> Nullable<Varchar>,
        intent_source -> Nullable<Text>,
        pages -> Nullable<Jsonb>,
        tables_created -> Nullable<Jsonb>,
        tools -> Nullable<Jsonb>,
        schedulers -> Nullable<Jsonb>,
        app_path -> Nullable<Varchar>,
        is_active -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    intent_classifications (id) {
        id -> Uuid,
        bot_id -> Uuid,
        session_id -> Nullable<Uuid>,
        original_text -> Text,
        intent_type -> Varchar,
        confidence -> Float8,
        entities -> Nullable<Jsonb>,
        suggested_name -> Nullable<Varchar>,
        was_correct -> Nullable<Bool>,
        corrected_type -> Nullable<Varchar>,
        feedback -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    kb_collections (id) {
        id -> Uuid,
        bot_id -> Uuid,
        name -> Text,
        folder_path -> Text,
        qdrant_collection -> Text,
        document_count -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    kb_documents (id) {
        id -> Uuid,
        bot_id -> Uuid,
        collection_name -> Text,
        file_path -> Text,
        file_size -> Int8,
        file_hash -> Text,
        first_published_at -> Timestamptz,
        last_modified_at -> Timestamptz,
        indexed_at -> Nullable<Timestamptz>,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        fail_count -> Int4,
        last_failed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    kb_group_associations (id) {
        id -> Uuid,
        kb_id -> Uuid,
        group_id -> Uuid,
        granted_by -> Nullable<Uuid>,
        granted_at -> Timestamptz,
    }
}

diesel::table! {
    kg_entities (id) {
        id -> Uuid,
        bot_id -> Uuid,
        entity_type -> Varchar,
        entity_name -> Varchar,
        properties -> Nullable<Jsonb>,
        embedding_vector -> Nullable<Bytea>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        aliases -> Jsonb,
        confidence -> Float8,
        source -> Varchar,
    }
}

diesel::table! {
    kg_relationships (id) {
        id -> Uuid,
        bot_id -> Uuid,
        from_entity_id -> Uuid,
        to_entity_id -> Uuid,
        relationship_type -> Varchar,
        properties -> Nullable<Jsonb>,
        weight -> Nullable<Float8>,
        created_at -> Timestamptz,
        confidence -> Float8,
        bidirectional -> Bool,
        source -> Varchar,
    }
}

diesel::table! {
    knowledge_chunks (id) {
        id -> Text,
        source_id -> Text,
        chunk_index -> Int4,
        content -> Text,
        token_count -> Int4,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    knowledge_sources (id) {
        id -> Text,
        bot_id -> Nullable<Uuid>,
        name -> Text,
        source_type -> Text,
        file_path -> Nullable<Text>,
        url -> Nullable<Text>,
        content_hash -> Text,
        chunk_count -> Int4,
        status -> Text,
        collection -> Text,
        error_message -> Nullable<Text>,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        indexed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    message_history (id) {
        id -> Uuid,
        session_id -> Uuid,
        user_id -> Uuid,
        role -> Int4,
        content_encrypted -> Text,
        message_type -> Int4,
        media_url -> Nullable<Text>,
        token_count -> Int4,
        processing_time_ms -> Nullable<Int4>,
        llm_model -> Nullable<Varchar>,
        created_at -> Timestamptz,
        message_index -> Int4,
    }
}

diesel::table! {
    model_configurations (id) {
        id -> Uuid,
        model_name -> Text,
        model_type -> Text,
        provider -> Text,
        endpoint -> Text,
        api_key -> Nullable<Text>,
        model_id -> Text,
        context_window -> Nullable<Int4>,
        max_tokens -> Nullable<Int4>,
        temperature -> Nullable<Float4>,
        is_active -> Bool,
        is_default -> Bool,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    oauth_applications (id) {
        id -> Uuid,
        org_id -> Uuid,
        project_id -> Nullable<Varchar>,
        client_id -> Varchar,
        client_secret_encrypted -> Text,
        redirect_uris -> Array<Nullable<Text>>,
        application_name -> Varchar,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    organization_invitations (id) {
        id -> Uuid,
        org_id -> Uuid,
        email -> Varchar,
        role -> Varchar,
        status -> Varchar,
        message -> Nullable<Text>,
        invited_by -> Uuid,
        token -> Nullable<Varchar>,
        created_at -> Timestamptz,
        updated_at -> Nullable<Timestamptz>,
        expires_at -> Nullable<Timestamptz>,
        accepted_at -> Nullable<Timestamptz>,
        accepted_by -> Nullable<Uuid>,
    }
}

diesel::table! {
    organizations (org_id) {
        org_id -> Uuid,
        name -> Varchar,
        slug -> Varchar,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    pending_info (id) {
        id -> Uuid,
        bot_id -> Uuid,
        field_name -> Varchar,
        field_label -> Varchar,
        field_type -> Varchar,
        reason -> Nullable<Text>,
        config_key -> Varchar,
        is_filled -> Nullable<Bool>,
        filled_at -> Nullable<Timestamptz>,
        filled_value -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
        updated_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    rbac_group_roles (id) {
        id -> Uuid,
        group_id -> Uuid,
        role_id -> Uuid,
        granted_by -> Nullable<Uuid>,
        granted_at -> Timestamptz,
    }
}

diesel::table! {
    rbac_groups (id) {
        id -> Uuid,
        name -> Varchar,
        display_name -> Varchar,
        description -> Nullable<Text>,
        parent_group_id -> Nullable<Uuid>,
        is_active -> Bool,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    rbac_permissions (id) {
        id -> Uuid,
        name -> Varchar,
        display_name -> Varchar,
        description -> Nullable<Text>,
        resource_type -> Varchar,
        action -> Varchar,
        category -> Varchar,
        is_system -> Bool,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    rbac_role_permissions (id) {
        id -> Uuid,
        role_id -> Uuid,
        permission_id -> Uuid,
        granted_by -> Nullable<Uuid>,
        granted_at -> Timestamptz,
    }
}

diesel::table! {
    rbac_roles (id) {
        id -> Uuid,
        name -> Varchar,
        display_name -> Varchar,
        description -> Nullable<Text>,
        is_system -> Bool,
        is_active -> Bool,
        created_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    rbac_user_groups (id) {
        id -> Uuid,
        user_id -> Uuid,
        group_id -> Uuid,
        added_by -> Nullable<Uuid>,
        added_at -> Timestamptz,
    }
}

diesel::table! {
    rbac_user_roles (id) {
        id -> Uuid,
        user_id -> Uuid,
        role_id -> Uuid,
        granted_by -> Nullable<Uuid>,
        granted_at -> Timestamptz,
        expires_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    safety_audit_log (id) {
        id -> Uuid,
        bot_id -> Uuid,
        task_id -> Nullable<Uuid>,
        plan_id -> Nullable<Uuid>,
        action_type -> Varchar,
        action_details -> Jsonb,
        constraint_checks -> Nullable<Jsonb>,
        simulation_result -> Nullable<Jsonb>,
        risk_assessment -> Nullable<Jsonb>,
        outcome -> Varchar,
        error_message -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    server_configuration (id) {
        id -> Uuid,
        config_key -> Text,
        config_value -> Text,
        config_type -> Text,
        description -> Nullable<Text>,
        is_encrypted -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    session_account_associations (id) {
        id -> Uuid,
        session_id -> Uuid,
        bot_id -> Uuid,
        account_id -> Uuid,
        email -> Text,
        provider -> Text,
        qdrant_collection -> Text,
        is_active -> Bool,
        added_at -> Timestamptz,
        added_by_tool -> Nullable<Text>,
    }
}

diesel::table! {
    session_bots (id) {
        id -> Uuid,
        session_id -> Uuid,
        bot_id -> Uuid,
        bot_name -> Varchar,
        trigger_config -> Nullable<Jsonb>,
        priority -> Int4,
        is_active -> Bool,
        added_at -> Timestamptz,
    }
}

diesel::table! {
    session_preferences (id) {
        id -> Uuid,
        session_id -> Uuid,
        preference_key -> Varchar,
        preference_value -> Text,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    session_tool_associations (id) {
        id -> Text,
        session_id -> Text,
        tool_name -> Text,
        added_at -> Text,
    }
}

diesel::table! {
    session_website_associations (id) {
        id -> Uuid,
        session_id -> Uuid,
        bot_id -> Uuid,
        website_url -> Text,
        collection_name -> Text,
        is_active -> Nullable<Bool>,
        added_at -> Nullable<Timestamptz>,
        added_by_tool -> Nullable<Varchar>,
    }
}

diesel::table! {
    source_templates (id) {
        id -> Text,
        name -> Text,
        description -> Text,
        category -> Text,
        preview_url -> Nullable<Text>,
        file_path -> Text,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    system_automations (id) {
        id -> Uuid,
        bot_id -> Uuid,
        kind -> Int4,
        target -> Nullable<Varchar>,
        #[max_length = 12]
        schedule -> Nullable<Bpchar>,
        param -> Varchar,
        is_active -> Bool,
        last_triggered -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        name -> Nullable<Varchar>,
    }
}

diesel::table! {
    tenant_configuration (id) {
        id -> Uuid,
        tenant_id -> Uuid,
        config_key -> Text,
        config_value -> Text,
        config_type -> Text,
        is_encrypted -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    tenants (id) {
        id -> Uuid,
        name -> Text,
        slug -> Text,
        is_active -> Bool,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    test_accounts (id) {
        id -> Uuid,
        account_type -> Varchar,
        email -> Varchar,
        password_hash -> Varchar,
        display_name -> Nullable<Varchar>,
        is_active -> Nullable<Bool>,
        last_used_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    test_execution_logs (id) {
        id -> Uuid,
        test_suite -> Varchar,
        test_name -> Varchar,
        status -> Varchar,
        duration_ms -> Nullable<Int4>,
        error_message -> Nullable<Text>,
        stack_trace -> Nullable<Text>,
        metadata_json -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    tools (id) {
        id -> Uuid,
        name -> Varchar,
        description -> Text,
        parameters -> Jsonb,
        script -> Text,
        is_active -> Nullable<Bool>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    usage_analytics (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        session_id -> Uuid,
        date -> Date,
        message_count -> Int4,
        total_tokens -> Int4,
        total_processing_time_ms -> Int4,
    }
}

diesel::table! {
    user_login_tokens (id) {
        id -> Uuid,
        user_id -> Uuid,
        token_hash -> Varchar,
        expires_at -> Timestamptz,
        created_at -> Timestamptz,
        last_used -> Timestamptz,
        user_agent -> Nullable<Text>,
        ip_address -> Nullable<Varchar>,
        is_active -> Bool,
    }
}

diesel::table! {
    user_memories (id) {
        id -> Uuid,
        user_id -> Uuid,
        key -> Varchar,
        value -> Text,
        memory_type -> Varchar,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    user_organizations (id) {
        id -> Uuid,
        user_id -> Uuid,
        org_id -> Uuid,
        role -> Nullable<Varchar>,
        is_default -> Nullable<Bool>,
        joined_at -> Timestamptz,
    }
}

diesel::table! {
    user_preferences (id) {
        id -> Uuid,
        user_id -> Uuid,
        preference_key -> Varchar,
        preference_value -> Jsonb,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    user_sessions (id) {
        id -> Uuid,
        user_id -> Uuid,
        bot_id -> Uuid,
        title -> Varchar,
        answer_mode -> Int4,
        context_data -> Jsonb,
        current_tool -> Nullable<Varchar>,
        message_count -> Int4,
        total_tokens -> Int4,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        last_activity -> Timestamptz,
        tenant_id -> Nullable<Uuid>,
        active_email_account_id -> Nullable<Uuid>,
    }
}

diesel::table! {
    users (id) {
        id -> Uuid,
        username -> Varchar,
        email -> Varchar,
        password_hash -> Varchar,
        phone_number -> Nullable<Varchar>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
        is_active -> Nullable<Bool>,
    }
}

diesel::table! {
    workflow_definitions (id) {
        id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        description -> Nullable<Text>,
        steps -> Jsonb,
        triggers -> Jsonb,
        error_handling -> Jsonb,
        enabled -> Bool,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    workflow_executions (id) {
        id -> Uuid,
        bot_id -> Uuid,
        workflow_name -> Text,
        current_step -> Int4,
        state_json -> Text,
        status -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    workflow_step_executions (id) {
        id -> Uuid,
        execution_id -> Uuid,
        step_name -> Varchar,
        step_index -> Int4,
        status -> Varchar,
        input_data -> Jsonb,
        output_data -> Jsonb,
        error -> Nullable<Text>,
        started_at -> Timestamptz,
        completed_at -> Nullable<Timestamptz>,
        duration_ms -> Nullable<Int8>,
    }
}

diesel::joinable!(account_sync_items -> connected_accounts (account_id));
diesel::joinable!(approval_audit_log -> approval_requests (request_id));
diesel::joinable!(approval_tokens -> approval_requests (request_id));
diesel::joinable!(auto_tasks -> bots (bot_id));
diesel::joinable!(auto_tasks -> user_sessions (session_id));
diesel::joinable!(bot_access -> bots (bot_id));
diesel::joinable!(bot_channels -> bots (bot_id));
diesel::joinable!(bot_memories -> bots (bot_id));
diesel::joinable!(bots -> organizations (org_id));
diesel::joinable!(connected_accounts -> bots (bot_id));
diesel::joinable!(context_injections -> user_sessions (session_id));
diesel::joinable!(context_injections -> users (injected_by));
diesel::joinable!(dynamic_table_definitions -> bots (bot_id));
diesel::joinable!(dynamic_table_fields -> dynamic_table_definitions (table_definition_id));
diesel::joinable!(execution_plans -> auto_tasks (task_id));
diesel::joinable!(execution_plans -> bots (bot_id));
diesel::joinable!(external_connections -> bots (bot_id));
diesel::joinable!(folder_change_events -> folder_monitors (monitor_id));
diesel::joinable!(folder_monitors -> bots (bot_id));
diesel::joinable!(generated_apps -> bots (bot_id));
diesel::joinable!(intent_classifications -> bots (bot_id));
diesel::joinable!(intent_classifications -> user_sessions (session_id));
diesel::joinable!(kb_group_associations -> kb_collections (kb_id));
diesel::joinable!(kb_group_associations -> rbac_groups (group_id));
diesel::joinable!(kb_group_associations -> users (granted_by));
diesel::joinable!(knowledge_chunks -> knowledge_sources (source_id));
diesel::joinable!(message_history -> user_sessions (session_id));
diesel::joinable!(message_history -> users (user_id));
diesel::joinable!(oauth_applications -> organizations (org_id));
diesel::joinable!(organization_invitations -> organizations (org_id));
diesel::joinable!(pending_info -> bots (bot_id));
diesel::joinable!(rbac_group_roles -> rbac_groups (group_id));
diesel::joinable!(rbac_group_roles -> rbac_roles (role_id));
diesel::joinable!(rbac_group_roles -> users (granted_by));
diesel::joinable!(rbac_groups -> users (created_by));
diesel::joinable!(rbac_role_permissions -> rbac_permissions (permission_id));
diesel::joinable!(rbac_role_permissions -> rbac_roles (role_id));
diesel::joinable!(rbac_role_permissions -> users (granted_by));
diesel::joinable!(rbac_roles -> users (created_by));
diesel::joinable!(rbac_user_groups -> rbac_groups (group_id));
diesel::joinable!(rbac_user_roles -> rbac_roles (role_id));
diesel::joinable!(safety_audit_log -> auto_tasks (task_id));
diesel::joinable!(safety_audit_log -> bots (bot_id));
diesel::joinable!(safety_audit_log -> execution_plans (plan_id));
diesel::joinable!(session_account_associations -> bots (bot_id));
diesel::joinable!(session_account_associations -> connected_accounts (account_id));
diesel::joinable!(session_website_associations -> bots (bot_id));
diesel::joinable!(session_website_associations -> user_sessions (session_id));
diesel::joinable!(usage_analytics -> bots (bot_id));
diesel::joinable!(usage_analytics -> user_sessions (session_id));
diesel::joinable!(usage_analytics -> users (user_id));
diesel::joinable!(user_login_tokens -> users (user_id));
diesel::joinable!(user_organizations -> organizations (org_id));
diesel::joinable!(user_organizations -> users (user_id));
diesel::joinable!(user_preferences -> users (user_id));
diesel::joinable!(user_sessions -> bots (bot_id));
diesel::joinable!(user_sessions -> users (user_id));
diesel::joinable!(workflow_executions -> bots (bot_id));

diesel::allow_tables_to_appear_in_same_query!(
    a2a_messages,
    account_sync_items,
    approval_audit_log,
    approval_chains,
    approval_requests,
    approval_tokens,
    auto_tasks,
    basic_tools,
    bot_access,
    bot_channels,
    bot_configuration,
    bot_memories,
    bot_memory_extended,
    bot_reflections,
    bots,
    clicks,
    component_installations,
    component_logs,
    connected_accounts,
    connection_configurations,
    context_injections,
    conversation_costs,
    conversation_episodes,
    conversation_messages,
    dynamic_table_definitions,
    dynamic_table_fields,
    episodic_memories,
    execution_plans,
    external_connections,
    folder_change_events,
    folder_monitors,
    gbot_config_sync,
    generated_api_tools,
    generated_apps,
    intent_classifications,
    kb_collections,
    kb_documents,
    kb_group_associations,
    kg_entities,
    kg_relationships,
    knowledge_chunks,
    knowledge_sources,
    message_history,
    model_configurations,
    oauth_applications,
    organization_invitations,
    organizations,
    pending_info,
    rbac_group_roles,
    rbac_groups,
    rbac_permissions,
    rbac_role_permissions,
    rbac_roles,
    rbac_user_groups,
    rbac_user_roles,
    safety_audit_log,
    server_configuration,
    session_account_associations,
    session_bots,
    session_preferences,
    session_tool_associations,
    session_website_associations,
    source_templates,
    system_automations,
    tenant_configuration,
    tenants,
    test_accounts,
    test_execution_logs,
    tools,
    usage_analytics,
    user_login_tokens,
    user_memories,
    user_organizations,
    user_preferences,
    user_sessions,
    users,
    workflow_definitions,
    workflow_executions,
    workflow_step_executions,
);
