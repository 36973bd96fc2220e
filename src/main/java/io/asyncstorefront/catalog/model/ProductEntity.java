package io.asyncstorefront.catalog.model;

import java.math.BigDecimal;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

@Entity
@Table(name = "product")
public class ProductEntity {

    @Id
    public String sku;

    @Column(nullable = false)
    public String name;

    @Column(nullable = false)
    public BigDecimal price;
}
