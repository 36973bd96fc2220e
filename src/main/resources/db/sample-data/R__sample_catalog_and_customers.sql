-- Sample data for dev mode and tests only (see quarkus.flyway.locations).
insert into product (sku, name, price) values
    ('simple-product-1', 'Simple product 1', 10.00),
    ('simple-product-2', 'Simple product 2', 20.00),
    ('simple-product-3', 'Simple product 3', 30.00),
    ('simple-product-4', 'Simple product 4', 40.00),
    ('simple-product-5', 'Simple product 5', 50.00)
on conflict (sku) do nothing;

insert into customer (id, email, firstname, lastname) values
    (-1, 'jane.doe@example.com', 'Jane', 'Doe'),
    (-2, 'john.roe@example.com', 'John', 'Roe')
on conflict (email) do nothing;
