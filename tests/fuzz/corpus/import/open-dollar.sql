CREATE FUNCTION f() AS $body$ SELECT 1; $bod$ ;
