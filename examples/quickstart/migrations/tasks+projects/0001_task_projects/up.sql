-- A bridge: on exactly when tasks and projects are both on. It owns what joins them.
CREATE TABLE task_projects (
    task_id INTEGER NOT NULL REFERENCES tasks (id),
    project_id INTEGER NOT NULL REFERENCES projects (id),
    PRIMARY KEY (task_id, project_id)
);
