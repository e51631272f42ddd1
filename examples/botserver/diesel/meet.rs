// @generated automatically by gatedb: `diesel print-schema` of the live schema, split by unit.

use super::core::users;

diesel::table! {
    meeting_breakout_rooms (id) {
        id -> Uuid,
        meeting_id -> Uuid,
        name -> Varchar,
        room_number -> Int4,
        participants_json -> Nullable<Text>,
        duration_minutes -> Nullable<Int4>,
        started_at -> Nullable<Timestamptz>,
        ended_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    meeting_captions (id) {
        id -> Uuid,
        meeting_id -> Uuid,
        speaker_id -> Nullable<Uuid>,
        speaker_name -> Nullable<Varchar>,
        caption_text -> Text,
        language -> Nullable<Varchar>,
        confidence -> Nullable<Float4>,
        timestamp_ms -> Int8,
        duration_ms -> Nullable<Int4>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    meeting_chat_messages (id) {
        id -> Uuid,
        room_id -> Uuid,
        participant_id -> Nullable<Uuid>,
        sender_name -> Varchar,
        message_type -> Varchar,
        content -> Text,
        reply_to_id -> Nullable<Uuid>,
        is_system_message -> Bool,
        metadata -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    meeting_participants (id) {
        id -> Uuid,
        room_id -> Uuid,
        user_id -> Nullable<Uuid>,
        participant_name -> Varchar,
        email -> Nullable<Varchar>,
        role -> Varchar,
        is_bot -> Bool,
        is_active -> Bool,
        has_video -> Bool,
        has_audio -> Bool,
        joined_at -> Timestamptz,
        left_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    meeting_polls (id) {
        id -> Uuid,
        meeting_id -> Uuid,
        created_by -> Uuid,
        question -> Text,
        poll_type -> Nullable<Varchar>,
        options_json -> Text,
        is_anonymous -> Nullable<Bool>,
        allow_multiple -> Nullable<Bool>,
        is_active -> Nullable<Bool>,
        results_json -> Nullable<Text>,
        created_at -> Nullable<Timestamptz>,
        closed_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    meeting_questions (id) {
        id -> Uuid,
        meeting_id -> Uuid,
        asked_by -> Nullable<Uuid>,
        question -> Text,
        is_anonymous -> Nullable<Bool>,
        upvotes -> Nullable<Int4>,
        is_answered -> Nullable<Bool>,
        answer -> Nullable<Text>,
        answered_by -> Nullable<Uuid>,
        answered_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    meeting_recordings (id) {
        id -> Uuid,
        room_id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        recording_type -> Varchar,
        file_url -> Nullable<Text>,
        file_size -> Nullable<Int8>,
        duration_seconds -> Nullable<Int4>,
        status -> Varchar,
        started_at -> Timestamptz,
        stopped_at -> Nullable<Timestamptz>,
        processed_at -> Nullable<Timestamptz>,
        metadata -> Jsonb,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    meeting_rooms (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        room_code -> Varchar,
        name -> Varchar,
        description -> Nullable<Text>,
        created_by -> Uuid,
        max_participants -> Int4,
        is_recording -> Bool,
        is_transcribing -> Bool,
        status -> Varchar,
        settings -> Jsonb,
        started_at -> Nullable<Timestamptz>,
        ended_at -> Nullable<Timestamptz>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    meeting_transcriptions (id) {
        id -> Uuid,
        room_id -> Uuid,
        recording_id -> Nullable<Uuid>,
        org_id -> Uuid,
        bot_id -> Uuid,
        participant_id -> Nullable<Uuid>,
        speaker_name -> Nullable<Varchar>,
        content -> Text,
        start_time -> Numeric,
        end_time -> Numeric,
        confidence -> Nullable<Numeric>,
        language -> Nullable<Varchar>,
        is_final -> Bool,
        metadata -> Jsonb,
        created_at -> Timestamptz,
    }
}

diesel::table! {
    meeting_waiting_room (id) {
        id -> Uuid,
        meeting_id -> Uuid,
        user_id -> Nullable<Uuid>,
        guest_name -> Nullable<Varchar>,
        guest_email -> Nullable<Varchar>,
        device_info_json -> Nullable<Text>,
        status -> Nullable<Varchar>,
        admitted_by -> Nullable<Uuid>,
        admitted_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    meeting_whiteboards (id) {
        id -> Uuid,
        room_id -> Nullable<Uuid>,
        org_id -> Uuid,
        bot_id -> Uuid,
        name -> Varchar,
        background_color -> Nullable<Varchar>,
        grid_enabled -> Bool,
        grid_size -> Nullable<Int4>,
        elements -> Jsonb,
        version -> Int4,
        created_by -> Uuid,
        last_modified_by -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    meetings (id) {
        id -> Uuid,
        scheduled_meeting_id -> Nullable<Uuid>,
        room_id -> Nullable<Uuid>,
        title -> Varchar,
        status -> Nullable<Varchar>,
        started_at -> Nullable<Timestamptz>,
        ended_at -> Nullable<Timestamptz>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    scheduled_meetings (id) {
        id -> Uuid,
        org_id -> Uuid,
        bot_id -> Uuid,
        room_id -> Nullable<Uuid>,
        title -> Varchar,
        description -> Nullable<Text>,
        organizer_id -> Uuid,
        scheduled_start -> Timestamptz,
        scheduled_end -> Timestamptz,
        timezone -> Varchar,
        recurrence_rule -> Nullable<Text>,
        attendees -> Jsonb,
        settings -> Jsonb,
        status -> Varchar,
        reminder_sent -> Bool,
        calendar_event_id -> Nullable<Uuid>,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    user_virtual_backgrounds (id) {
        id -> Uuid,
        user_id -> Uuid,
        name -> Nullable<Varchar>,
        background_type -> Nullable<Varchar>,
        file_path -> Nullable<Text>,
        blur_intensity -> Nullable<Int4>,
        is_default -> Nullable<Bool>,
        created_at -> Nullable<Timestamptz>,
    }
}

diesel::table! {
    whiteboard_elements (id) {
        id -> Uuid,
        whiteboard_id -> Uuid,
        element_type -> Varchar,
        position_x -> Numeric,
        position_y -> Numeric,
        width -> Nullable<Numeric>,
        height -> Nullable<Numeric>,
        rotation -> Nullable<Numeric>,
        z_index -> Int4,
        properties -> Jsonb,
        created_by -> Uuid,
        created_at -> Timestamptz,
        updated_at -> Timestamptz,
    }
}

diesel::table! {
    whiteboard_exports (id) {
        id -> Uuid,
        whiteboard_id -> Uuid,
        org_id -> Uuid,
        export_format -> Varchar,
        file_url -> Nullable<Text>,
        file_size -> Nullable<Int8>,
        status -> Varchar,
        error_message -> Nullable<Text>,
        requested_by -> Uuid,
        created_at -> Timestamptz,
        completed_at -> Nullable<Timestamptz>,
    }
}

diesel::joinable!(meeting_breakout_rooms -> meetings (meeting_id));
diesel::joinable!(meeting_captions -> meetings (meeting_id));
diesel::joinable!(meeting_captions -> users (speaker_id));
diesel::joinable!(meeting_chat_messages -> meeting_participants (participant_id));
diesel::joinable!(meeting_chat_messages -> meeting_rooms (room_id));
diesel::joinable!(meeting_participants -> meeting_rooms (room_id));
diesel::joinable!(meeting_polls -> meetings (meeting_id));
diesel::joinable!(meeting_polls -> users (created_by));
diesel::joinable!(meeting_questions -> meetings (meeting_id));
diesel::joinable!(meeting_recordings -> meeting_rooms (room_id));
diesel::joinable!(meeting_transcriptions -> meeting_participants (participant_id));
diesel::joinable!(meeting_transcriptions -> meeting_recordings (recording_id));
diesel::joinable!(meeting_transcriptions -> meeting_rooms (room_id));
diesel::joinable!(meeting_waiting_room -> meetings (meeting_id));
diesel::joinable!(meeting_whiteboards -> meeting_rooms (room_id));
diesel::joinable!(meetings -> scheduled_meetings (scheduled_meeting_id));
diesel::joinable!(scheduled_meetings -> meeting_rooms (room_id));
diesel::joinable!(user_virtual_backgrounds -> users (user_id));
diesel::joinable!(whiteboard_elements -> meeting_whiteboards (whiteboard_id));
diesel::joinable!(whiteboard_exports -> meeting_whiteboards (whiteboard_id));

diesel::allow_tables_to_appear_in_same_query!(
    meeting_breakout_rooms,
    meeting_captions,
    meeting_chat_messages,
    meeting_participants,
    meeting_polls,
    meeting_questions,
    meeting_recordings,
    meeting_rooms,
    meeting_transcriptions,
    meeting_waiting_room,
    meeting_whiteboards,
    meetings,
    scheduled_meetings,
    user_virtual_backgrounds,
    whiteboard_elements,
    whiteboard_exports,
);
diesel::allow_tables_to_appear_in_same_query!(
    meeting_captions,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    meeting_polls,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    meeting_questions,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    meeting_waiting_room,
    users,
);
diesel::allow_tables_to_appear_in_same_query!(
    user_virtual_backgrounds,
    users,
);
