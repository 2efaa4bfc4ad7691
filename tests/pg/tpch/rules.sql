-- The column rules of TPC-H clause 4.2.3 (comment grammar aside), one query per rule after a
-- "-- rule:" line. Each query counts the rows that break its rule: every count must be 0.
-- test_tpch runs them on example:tpch loaded with psql \copy into `spillway-cli ddl`'s tables.

-- rule: region names and keys
select count(*) from region r full join (values (0, 'AFRICA'), (1, 'AMERICA'), (2, 'ASIA'),
    (3, 'EUROPE'), (4, 'MIDDLE EAST')) v(k, n) on r.r_regionkey = v.k and r.r_name = v.n
where r.r_regionkey is null or v.k is null;

-- rule: nation names, keys and regions
select count(*) from nation n full join (values (0, 'ALGERIA', 0), (1, 'ARGENTINA', 1),
    (2, 'BRAZIL', 1), (3, 'CANADA', 1), (4, 'EGYPT', 4), (5, 'ETHIOPIA', 0), (6, 'FRANCE', 3),
    (7, 'GERMANY', 3), (8, 'INDIA', 2), (9, 'INDONESIA', 2), (10, 'IRAN', 4), (11, 'IRAQ', 4),
    (12, 'JAPAN', 2), (13, 'JORDAN', 4), (14, 'KENYA', 0), (15, 'MOROCCO', 0),
    (16, 'MOZAMBIQUE', 0), (17, 'PERU', 1), (18, 'CHINA', 2), (19, 'ROMANIA', 3),
    (20, 'SAUDI ARABIA', 4), (21, 'VIETNAM', 2), (22, 'RUSSIA', 3), (23, 'UNITED KINGDOM', 3),
    (24, 'UNITED STATES', 1)) v(k, n, r)
    on n.n_nationkey = v.k and n.n_name = v.n and n.n_regionkey = v.r
where n.n_nationkey is null or v.k is null;

-- rule: keys are dense from 1 (part, supplier, customer)
select (select count(*) from part where p_partkey not between 1 and (select count(*) from part))
     + (select count(*) from supplier where s_suppkey not between 1 and (select count(*) from supplier))
     + (select count(*) from customer where c_custkey not between 1 and (select count(*) from customer));

-- rule: p_name is five distinct colours
select count(*) from part where array_length(string_to_array(p_name, ' '), 1) <> 5
    or (select count(distinct w) from unnest(string_to_array(p_name, ' ')) w) <> 5
    or exists (select 1 from unnest(string_to_array(p_name, ' ')) w where w <> all (array[
    'almond', 'antique', 'aquamarine', 'azure', 'beige', 'bisque', 'black', 'blanched', 'blue',
    'blush', 'brown', 'burlywood', 'burnished', 'chartreuse', 'chiffon', 'chocolate', 'coral',
    'cornflower', 'cornsilk', 'cream', 'cyan', 'dark', 'deep', 'dim', 'dodger', 'drab',
    'firebrick', 'floral', 'forest', 'frosted', 'gainsboro', 'ghost', 'goldenrod', 'green',
    'grey', 'honeydew', 'hot', 'indian', 'ivory', 'khaki', 'lace', 'lavender', 'lawn', 'lemon',
    'light', 'lime', 'linen', 'magenta', 'maroon', 'medium', 'metallic', 'midnight', 'mint',
    'misty', 'moccasin', 'navajo', 'navy', 'olive', 'orange', 'orchid', 'pale', 'papaya',
    'peach', 'peru', 'pink', 'plum', 'powder', 'puff', 'purple', 'red', 'rose', 'rosy', 'royal',
    'saddle', 'salmon', 'sandy', 'seashell', 'sienna', 'sky', 'slate', 'smoke', 'snow',
    'spring', 'steel', 'tan', 'thistle', 'tomato', 'turquoise', 'violet', 'wheat', 'white',
    'yellow']));

-- rule: p_mfgr Manufacturer#M and p_brand Brand#MN with the same M
select count(*) from part where rtrim(p_mfgr) !~ '^Manufacturer#[1-5]$' or rtrim(p_brand) !~ '^Brand#[1-5][1-5]$'
    or substr(p_brand, 7, 1) <> substr(p_mfgr, 14, 1);

-- rule: p_type from the three syllable lists
select count(*) from part where split_part(p_type, ' ', 1) not in ('STANDARD', 'SMALL', 'MEDIUM',
    'LARGE', 'ECONOMY', 'PROMO') or split_part(p_type, ' ', 2) not in ('ANODIZED', 'BURNISHED',
    'PLATED', 'POLISHED', 'BRUSHED') or split_part(p_type, ' ', 3) not in ('TIN', 'NICKEL',
    'BRASS', 'STEEL', 'COPPER') or split_part(p_type, ' ', 4) <> '';

-- rule: p_container from the two syllable lists, p_size 1 to 50
select count(*) from part where split_part(p_container, ' ', 1) not in ('SM', 'LG', 'MED',
    'JUMBO', 'WRAP') or split_part(p_container, ' ', 2) not in ('CASE', 'BOX', 'BAG', 'JAR',
    'PKG', 'PACK', 'CAN', 'DRUM') or split_part(p_container, ' ', 3) <> ''
    or p_size not between 1 and 50;

-- rule: p_retailprice from the part key
select count(*) from part where p_retailprice
    <> (90000 + ((p_partkey / 10) % 20001) + 100 * (p_partkey % 1000)) / 100.0;

-- rule: s_name Supplier# and c_name Customer# with nine digits
select (select count(*) from supplier where s_name <> 'Supplier#' || lpad(s_suppkey::text, 9, '0'))
     + (select count(*) from customer where c_name <> 'Customer#' || lpad(c_custkey::text, 9, '0'));

-- rule: phone numbers: country code nation key + 10, then 3, 3 and 4 digits
select (select count(*) from supplier where s_phone !~ '^[0-9]{2}-[1-9][0-9]{2}-[1-9][0-9]{2}-[1-9][0-9]{3}$'
           or substr(s_phone, 1, 2)::int <> s_nationkey + 10)
     + (select count(*) from customer where c_phone !~ '^[0-9]{2}-[1-9][0-9]{2}-[1-9][0-9]{2}-[1-9][0-9]{3}$'
           or substr(c_phone, 1, 2)::int <> c_nationkey + 10);

-- rule: account balances -999.99 to 9,999.99
select (select count(*) from supplier where s_acctbal not between -999.99 and 9999.99)
     + (select count(*) from customer where c_acctbal not between -999.99 and 9999.99);

-- rule: c_mktsegment from the segments
select count(*) from customer where c_mktsegment not in ('AUTOMOBILE', 'BUILDING', 'FURNITURE',
    'MACHINERY', 'HOUSEHOLD');

-- rule: four partsupp rows per part, with four distinct suppliers
select count(*) from part p where (select count(*) from partsupp where ps_partkey = p.p_partkey) <> 4
    or (select count(distinct ps_suppkey) from partsupp where ps_partkey = p.p_partkey) <> 4;

-- rule: ps_suppkey = (ps_partkey + i × (S/4 + (ps_partkey - 1)/S)) mod S + 1, i = 0 to 3
select count(*) from partsupp, (select count(*) as s from supplier) n
where ps_suppkey not in (select (ps_partkey + i * (n.s / 4 + (ps_partkey - 1) / n.s)) % n.s + 1
    from generate_series(0, 3) i);

-- rule: ps_availqty 1 to 9,999, ps_supplycost 1.00 to 1,000.00
select count(*) from partsupp where ps_availqty not between 1 and 9999
    or ps_supplycost not between 1.00 and 1000.00;

-- rule: o_orderkey sparse: only the first 8 of every 32 keys
select count(*) from orders where (o_orderkey - 1) % 32 >= 8;

-- rule: orders keys are the first ones of the sparse sequence
select count(*) from (select o_orderkey, row_number() over (order by o_orderkey) - 1 as r
    from orders) o where o_orderkey <> r / 8 * 32 + r % 8 + 1;

-- rule: o_custkey never a multiple of 3, and a customer
select count(*) from orders where o_custkey % 3 = 0
    or o_custkey not in (select c_custkey from customer);

-- rule: o_orderdate from 1992-01-01 to 1998-08-02 (ENDDATE - 151 days)
select count(*) from orders where o_orderdate not between date '1992-01-01' and date '1998-08-02';

-- rule: o_orderpriority from the priorities, o_shippriority 0
select count(*) from orders where o_orderpriority not in ('1-URGENT', '2-HIGH', '3-MEDIUM',
    '4-NOT SPECIFIED', '5-LOW') or o_shippriority <> 0;

-- rule: o_clerk Clerk# of one of SF × 1,000 clerks
select count(*) from orders where o_clerk !~ '^Clerk#[0-9]{9}$'
    or substr(o_clerk, 7)::int not between 1 and greatest((select count(*) from supplier) / 10, 1);

-- rule: 1 to 7 lines per order, numbered 1 to n
select count(*) from orders o left join (select l_orderkey, count(*) n, min(l_linenumber) lo,
    max(l_linenumber) hi from lineitem group by l_orderkey) l on l.l_orderkey = o.o_orderkey
where l.n is null or l.n not between 1 and 7 or l.lo <> 1 or l.hi <> l.n;

-- rule: l_suppkey is one of the four suppliers partsupp lists for l_partkey
select count(*) from lineitem l where not exists (select 1 from partsupp
    where ps_partkey = l.l_partkey and ps_suppkey = l.l_suppkey);

-- rule: l_quantity 1 to 50, l_discount 0.00 to 0.10, l_tax 0.00 to 0.08
select count(*) from lineitem where l_quantity not between 1 and 50 or l_quantity <> trunc(l_quantity)
    or l_discount not between 0.00 and 0.10 or l_tax not between 0.00 and 0.08;

-- rule: l_extendedprice = l_quantity × p_retailprice
select count(*) from lineitem join part on p_partkey = l_partkey
where l_extendedprice <> l_quantity * p_retailprice;

-- rule: l_shipdate 1 to 121 days after o_orderdate
select count(*) from lineitem join orders on o_orderkey = l_orderkey
where l_shipdate - o_orderdate not between 1 and 121;

-- rule: l_commitdate 30 to 90 days after o_orderdate
select count(*) from lineitem join orders on o_orderkey = l_orderkey
where l_commitdate - o_orderdate not between 30 and 90;

-- rule: l_receiptdate 1 to 30 days after l_shipdate
select count(*) from lineitem where l_receiptdate - l_shipdate not between 1 and 30;

-- rule: l_returnflag R or A when received by 1995-06-17, else N (and both R and A occur)
select count(*) filter (where (l_receiptdate <= date '1995-06-17' and l_returnflag not in ('R', 'A'))
        or (l_receiptdate > date '1995-06-17' and l_returnflag <> 'N'))
    + case when bool_or(l_returnflag = 'R') and bool_or(l_returnflag = 'A') then 0 else 1 end
from lineitem;

-- rule: l_linestatus O when shipped after 1995-06-17, else F
select count(*) from lineitem where l_linestatus <> case when l_shipdate > date '1995-06-17'
    then 'O' else 'F' end;

-- rule: l_shipinstruct and l_shipmode from their lists
select count(*) from lineitem where l_shipinstruct not in ('DELIVER IN PERSON', 'COLLECT COD',
    'NONE', 'TAKE BACK RETURN') or l_shipmode not in ('REG AIR', 'AIR', 'RAIL', 'SHIP', 'TRUCK',
    'MAIL', 'FOB');

-- rule: o_totalprice = sum of l_extendedprice × (1 + l_tax) × (1 - l_discount)
select count(*) from orders join (select l_orderkey,
    round(sum(l_extendedprice * (1 + l_tax) * (1 - l_discount)), 2) total
    from lineitem group by l_orderkey) l on l.l_orderkey = o_orderkey
where o_totalprice <> l.total;

-- rule: o_orderstatus F when all lines are F, O when all are O, else P
select count(*) from orders join (select l_orderkey, bool_and(l_linestatus = 'F') all_f,
    bool_and(l_linestatus = 'O') all_o from lineitem group by l_orderkey) l
    on l.l_orderkey = o_orderkey
where o_orderstatus <> case when all_f then 'F' when all_o then 'O' else 'P' end;

-- rule: comment lengths of the specification
select (select count(*) from region where length(r_comment) not between 31 and 115)
     + (select count(*) from nation where length(n_comment) not between 31 and 114)
     + (select count(*) from part where length(p_comment) not between 5 and 22)
     + (select count(*) from supplier where length(s_comment) not between 25 and 100)
     + (select count(*) from partsupp where length(ps_comment) not between 49 and 198)
     + (select count(*) from customer where length(c_comment) not between 29 and 116)
     + (select count(*) from orders where length(o_comment) not between 19 and 78)
     + (select count(*) from lineitem where length(l_comment) not between 10 and 43);

-- rule: address v-strings of 10 to 40 characters
select (select count(*) from supplier where length(s_address) not between 10 and 40)
     + (select count(*) from customer where length(c_address) not between 10 and 40);
