-- The example ETL's target tables (examples/pipelines/shop_etl.py applies this file itself, under
-- an advisory lock, so concurrent runs of the ETL can each start on an empty database).
--
-- The targets do not carry the schema's names: customers land in shop.customer with the key
-- renamed to customer_id and the name to full_name, orders in shop.orders_clean with order_id;
-- neither keeps the input's free-text note. map.json tells spillway-cli verify so.
--
-- shop.orders_clean has no key on purpose, as many reporting tables have none: re-inserting a
-- batch there is not refused by PostgreSQL, so only the ETL's load ledger keeps a restart from
-- loading rows twice (the broken variant, shop_etl.py --broken, shows what happens without it).

CREATE SCHEMA IF NOT EXISTS shop;
CREATE SCHEMA IF NOT EXISTS shop_etl;

CREATE TABLE IF NOT EXISTS shop.customer (
    customer_id bigint PRIMARY KEY,
    full_name varchar(40) NOT NULL,
    email varchar(80) NOT NULL,
    country char(2) NOT NULL,
    signed_up_at timestamp NOT NULL,
    credit_limit numeric(12,2) NOT NULL
);

CREATE TABLE IF NOT EXISTS shop.orders_clean (
    order_id bigint NOT NULL,
    customer_id bigint NOT NULL,
    ordered_at timestamp NOT NULL,
    quantity integer NOT NULL,
    total numeric(12,2) NOT NULL,
    status varchar(12) NOT NULL
);

-- One row per committed batch, inserted in the batch's own transaction: a restart skips the
-- batches listed here for the same file content (digest).
CREATE TABLE IF NOT EXISTS shop_etl.ledger (
    file text NOT NULL,
    digest text NOT NULL,
    batch integer NOT NULL,
    rows integer NOT NULL,
    committed_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (file, digest, batch)
);
