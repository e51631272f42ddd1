-- gatedb:up
ALTER TABLE users ADD COLUMN email VARCHAR(200);
-- gatedb:down
ALTER TABLE users DROP COLUMN email;
