-- Marks the well-known demo accounts of embedded mode, so a server started without demo users can
-- delete them from a database an embedded session created. Portable: H2 2.x and PostgreSQL 15.
alter table users add column demo boolean default false not null;
