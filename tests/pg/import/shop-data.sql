-- Skewed data with known shares for shop.sql: customers.tier is 70% free, 25% pro, 5%
-- enterprise; 30% of customers.last_ip are NULL; orders.status is 50% pending, 30% paid, 15%
-- shipped, 5% cancelled; every order has 1 to 5 lines (3 on average).

INSERT INTO customers (email, full_name, country_code, tier, last_ip, created_at)
SELECT 'user' || i || '@example.com', 'Customer ' || i,
       (ARRAY['DE', 'DE', 'DE', 'FR', 'FR', 'US', 'US', 'US', 'US', 'NL'])[i % 10 + 1],
       CASE WHEN i % 20 < 14 THEN 'free' WHEN i % 20 < 19 THEN 'pro' ELSE 'enterprise' END,
       CASE WHEN i % 10 < 3 THEN NULL ELSE ('10.' || i % 200 || '.' || i % 250 || '.1')::inet END,
       timestamptz '2024-01-01' + i * interval '1 hour'
FROM generate_series(1, 2000) i;

INSERT INTO products (code, name, price, tags, attributes)
SELECT 'ABC-' || lpad(i::text, 5, '0'), 'Product ' || i, 0.5 + (i * 7 % 4000),
       ARRAY['tag' || i % 7, 'tag' || i % 3], jsonb_build_object('colour', i % 5)
FROM generate_series(1, 300) i;

INSERT INTO orders (customer_id, status, ordered_at, shipped_at)
SELECT 1 + i % 2000, s.status, s.at, CASE WHEN s.status = 'shipped' THEN s.at + interval '2 days' END
FROM generate_series(1, 6000) i,
     LATERAL (SELECT (CASE WHEN i % 20 < 10 THEN 'pending' WHEN i % 20 < 16 THEN 'paid'
                           WHEN i % 20 < 19 THEN 'shipped' ELSE 'cancelled' END)::order_status,
                     timestamptz '2024-06-01' + i * interval '10 minutes') s(status, at);

INSERT INTO order_items (order_id, line_no, product_id, quantity)
SELECT o.order_id, l, 1 + (o.order_id * 13 + l) % 300, 1 + (o.order_id + l) % 20
FROM orders o, generate_series(1, 5) l
WHERE l <= 1 + o.order_id % 5;

INSERT INTO favourites (customer_id, product_id)
SELECT 1 + i % 2000, 1 + (i / 2000 * 37 + i) % 300
FROM generate_series(0, 2999) i;

ANALYZE;
