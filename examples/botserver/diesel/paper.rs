// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

diesel::table! {
    paper_documents (id) {
        id -> Text,
        title -> Text,
        content -> Text,
        owner_id -> Text,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}
