// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::bots;
use super::core::user_sessions;

diesel::table! {
    research_citations (id) {
        id -> Uuid,
        source_id -> Uuid,
        citation_style -> Varchar,
        formatted_citation -> Text,
        bibtex -> Nullable<Text>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    research_collaborators (id) {
        id -> Uuid,
        project_id -> Uuid,
        user_id -> Uuid,
        role -> Varchar,
        invited_by -> Nullable<Uuid>,
        joined_at -> Timestamptz,
    }
}

diesel::table! {
    research_exports (id) {
        id -> Uuid,
        project_id -> Uuid,
        export_type -> Varchar,
        format -> Varchar,
        file_url -> Nullable<Text>,
        file_size -> Nullable<Int4>,
        status -> Varchar,
        created_by -> Uuid,
        created_at -> Timestamptz,
        completed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    research_findings (id) {
        id -> Uuid,
        project_id -> Uuid,
        title -> Varchar,
        content -> Text,
        finding_type -> Varchar,
        confidence_level -> Nullable<Varchar>,
        supporting_sources -> Jsonb,
        related_findings -> Jsonb,
        status -> Varchar,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    research_notes (id) {
        id -> Uuid,
        project_id -> Uuid,
        source_id -> Nullable<Uuid>,
        title -> Nullable<Varchar>,
        content -> Text,
        note_type -> Varchar,
        tags -> Array<Nullable<Text>>,
        highlight_text -> Nullable<Text>,
        highlight_position -> Nullable<Jsonb>,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    research_projects (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        description -> Nullable<Text>,
        status -> Varchar,
        owner_id -> Uuid,
        tags -> Array<Nullable<Text>>,
        settings -> Jsonb,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    research_search_history (id) {
        id -> Text,
        bot_id -> Nullable<Uuid>,
        user_id -> Nullable<Uuid>,
        query -> Text,
        search_type -> Text,
        results_count -> Int4,
        metadata -> Nullable<Jsonb>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    research_sources (id) {
        id -> Uuid,
        project_id -> Uuid,
        source_type -> Varchar,
        name -> Varchar,
        url -> Nullable<Text>,
        content -> Nullable<Text>,
        summary -> Nullable<Text>,
        metadata -> Jsonb,
        credibility_score -> Nullable<Int4>,
        is_verified -> Bool,
        added_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    session_kb_associations (id) {
        id -> Uuid,
        session_id -> Uuid,
        bot_id -> Uuid,
        kb_name -> Text,
        kb_folder_path -> Text,
        qdrant_collection -> Text,
        added_at -> Timestamptz,
        added_by_tool -> Nullable<Text>,
        is_active -> Bool,
    }
}

diesel::table! {
    user_kb_associations (id) {
        id -> Text,
        user_id -> Text,
        bot_id -> Text,
        kb_name -> Text,
        is_website -> Int4,
        website_url -> Nullable<Text>,
        created_at -> Text,
        updated_at -> Text,
    }
}

diesel::joinable!(research_citations -> research_sources (source_id));
diesel::joinable!(research_collaborators -> research_projects (project_id));
diesel::joinable!(research_exports -> research_projects (project_id));
diesel::joinable!(research_findings -> research_projects (project_id));
diesel::joinable!(research_notes -> research_projects (project_id));
diesel::joinable!(research_notes -> research_sources (source_id));
diesel::joinable!(research_sources -> research_projects (project_id));
diesel::joinable!(session_kb_associations -> bots (bot_id));
diesel::joinable!(session_kb_associations -> user_sessions (session_id));

diesel::allow_tables_to_appear_in_same_query!(
    research_citations,
    research_collaborators,
    research_exports,
    research_findings,
    research_notes,
    research_projects,
    research_search_history,
    research_sources,
    session_kb_associations,
    user_kb_associations,
);
diesel::allow_tables_to_appear_in_same_query!(
    session_kb_associations,
    bots,
);
diesel::allow_tables_to_appear_in_same_query!(
    session_kb_associations,
    user_sessions,
);
