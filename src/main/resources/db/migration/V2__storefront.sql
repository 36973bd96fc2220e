create table product (
    sku   varchar(64)    primary key,
    name  varchar(255)   not null,
    price numeric(12, 2) not null check (price >= 0)
);

create sequence customer_seq increment by 50;
create table customer (
    id        bigint       primary key,
    email     varchar(254) not null unique,
    firstname varchar(100) not null,
    lastname  varchar(100) not null
);

create sequence cart_seq increment by 50;
create sequence cart_increment_seq;
create table cart (
    id           bigint      primary key,
    mask         varchar(64) not null unique,
    increment_id varchar(32) not null unique,
    customer_id  bigint      references customer (id),
    created_at   timestamptz not null,
    updated_at   timestamptz not null
);

create sequence cart_item_seq increment by 50;
create table cart_item (
    id      bigint      primary key,
    cart_id bigint      not null references cart (id) on delete cascade,
    sku     varchar(64) not null references product (sku),
    qty     integer     not null check (qty > 0),
    constraint cart_item_one_line_per_product unique (cart_id, sku)
);
