-- gatedb: requires core/0001
CREATE TABLE tasks (
    id INTEGER PRIMARY KEY,
    title VARCHAR(200) NOT NULL,
    owner_id INTEGER REFERENCES users (id)
);
CREATE INDEX ix_tasks_owner ON tasks (owner_id);
