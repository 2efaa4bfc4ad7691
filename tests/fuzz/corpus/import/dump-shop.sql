--
-- PostgreSQL database dump
--

SET statement_timeout = 0;
SELECT pg_catalog.set_config('search_path', '', false);
\connect shop

CREATE TYPE public.status AS ENUM (
    'new',
    'paid'
);

CREATE DOMAIN public.code AS text
	CONSTRAINT code_check CHECK ((VALUE ~ '^[A-Z]{3}-[0-9]{5}$'::text));

CREATE FUNCTION public.touch() RETURNS trigger
    LANGUAGE plpgsql
    AS $_$
BEGIN
  NEW.note := 'it''s; done $x$';
  RETURN NEW; /* nested /* comment */ ; */
END
$_$;

CREATE TABLE public.orders (
    id integer NOT NULL,
    total numeric(12,2),
    status public.status DEFAULT 'new'::public.status,
    CONSTRAINT orders_total_check CHECK ((total >= (0)::numeric))
);

ALTER TABLE public.orders OWNER TO shop;
COPY public.orders (id, total) FROM stdin;
1	2.50
\.
GRANT ALL ON TABLE public.orders TO PUBLIC;
