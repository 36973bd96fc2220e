package io.asyncstorefront.it;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/** A database of a PostgreSQL server, reached over JDBC from the test, as an operator would with psql. */
record PostgresDatabase(int port, String name) {

    String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + name;
    }

    String reactiveUrl() {
        return "postgresql://127.0.0.1:" + port + "/" + name;
    }

    /** Creates the database afresh on the server. */
    static PostgresDatabase recreate(int port, String name) throws SQLException {
        PostgresDatabase server = new PostgresDatabase(port, "postgres");
        server.execute("drop database if exists " + name + " with (force)");
        server.execute("create database " + name);
        return new PostgresDatabase(port, name);
    }

    void execute(String sql) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    long count(String query) throws SQLException {
        try (Connection connection = connect();
                Statement statement = connection.createStatement();
                ResultSet result = statement.executeQuery(query)) {
            result.next();
            return result.getLong(1);
        }
    }

    private Connection connect() throws SQLException {
        return DriverManager.getConnection(jdbcUrl(), "postgres", "postgres");
    }
}
