DROP TABLE task_projects;
