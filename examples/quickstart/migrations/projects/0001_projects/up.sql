-- gatedb: requires core/0001
CREATE TABLE projects (
    id INTEGER PRIMARY KEY,
    name VARCHAR(200) NOT NULL,
    lead_id INTEGER REFERENCES users (id)
);
