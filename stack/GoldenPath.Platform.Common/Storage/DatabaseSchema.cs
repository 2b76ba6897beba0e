namespace GoldenPath.Platform.Common.Storage;

/// <summary>
/// The tables of both services; every statement is idempotent. Ids are opaque text (PROTOCOL §0):
/// UUID strings under the strict variant, decimal numbers from the per-kind sequences under relaxed.
/// </summary>
internal static class DatabaseSchema
{
    public const string Sql = """
        CREATE TABLE IF NOT EXISTS users (
            id            text PRIMARY KEY,
            email         text NOT NULL UNIQUE,
            name          text,
            password_hash text NOT NULL,
            created_at    timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE IF NOT EXISTS refresh_tokens (
            token_id   uuid PRIMARY KEY,
            user_id    text NOT NULL REFERENCES users (id) ON DELETE CASCADE,
            expires_at timestamptz NOT NULL,
            used_at    timestamptz,
            created_at timestamptz NOT NULL DEFAULT now()
        );

        CREATE TABLE IF NOT EXISTS threads (
            id         text PRIMARY KEY,
            user_id    text NOT NULL,
            title      text NOT NULL,
            created_at timestamptz NOT NULL DEFAULT now(),
            updated_at timestamptz NOT NULL DEFAULT now()
        );
        CREATE INDEX IF NOT EXISTS threads_user_id ON threads (user_id, updated_at DESC);

        CREATE TABLE IF NOT EXISTS runs (
            id          text PRIMARY KEY,
            thread_id   text NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            user_id     text NOT NULL,
            status      text NOT NULL,
            error       text,
            started_at  timestamptz NOT NULL DEFAULT now(),
            finished_at timestamptz
        );

        -- seq orders messages exactly, even when two share a timestamp.
        CREATE TABLE IF NOT EXISTS messages (
            seq        bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
            id         text PRIMARY KEY,
            thread_id  text NOT NULL REFERENCES threads (id) ON DELETE CASCADE,
            user_id    text NOT NULL,
            role       text NOT NULL CHECK (role IN ('user', 'assistant')),
            content    text NOT NULL,
            run_id     text,
            created_at timestamptz NOT NULL DEFAULT clock_timestamp()
        );
        CREATE INDEX IF NOT EXISTS messages_thread_seq ON messages (thread_id, seq);
        CREATE INDEX IF NOT EXISTS messages_user_seq ON messages (user_id, seq);

        -- Ids of the relaxed variant (see IdGenerator): one sequence per kind.
        CREATE SEQUENCE IF NOT EXISTS user_ids;
        CREATE SEQUENCE IF NOT EXISTS thread_ids;
        CREATE SEQUENCE IF NOT EXISTS run_ids;
        CREATE SEQUENCE IF NOT EXISTS message_ids;
        CREATE SEQUENCE IF NOT EXISTS event_ids;
        CREATE SEQUENCE IF NOT EXISTS connection_ids;
        CREATE SEQUENCE IF NOT EXISTS tool_call_ids;
        """;
}
