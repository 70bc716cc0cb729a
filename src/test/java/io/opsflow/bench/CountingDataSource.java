package io.opsflow.bench;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.CallableStatement;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.concurrent.atomic.LongAdder;
import javax.sql.DataSource;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts executed statements (a JDBC batch counts each of its statements) and commits. Both sides of
 * a comparison are wrapped the same way, so its small cost cancels out of the ratio.
 */
final class CountingDataSource extends DelegatingDataSource {

    private final LongAdder statements = new LongAdder();
    private final LongAdder commits = new LongAdder();

    CountingDataSource(DataSource target) {
        super(target);
    }

    DatabaseWork snapshot() {
        return new DatabaseWork(statements.sum(), commits.sum());
    }

    @Override
    public Connection getConnection() throws SQLException {
        return countingConnection(super.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return countingConnection(super.getConnection(username, password));
    }

    private Connection countingConnection(Connection connection) {
        return proxy(Connection.class, connection, (method, args) -> {
            if (method.getName().equals("commit")) {
                commits.increment();
            }
            Object result = method.invoke(connection, args);
            if (result instanceof Statement statement && method.getName().matches("createStatement|prepareStatement|prepareCall")) {
                return countingStatement(statement);
            }
            return result;
        });
    }

    private Statement countingStatement(Statement statement) {
        Call counting = (method, args) -> {
            String name = method.getName();
            if (name.equals("addBatch")) {
                statements.increment();
            } else if (name.startsWith("execute") && !name.equals("executeBatch") && !name.equals("executeLargeBatch")) {
                statements.increment();
            }
            return method.invoke(statement, args);
        };
        if (statement instanceof CallableStatement callable) {
            return proxy(CallableStatement.class, callable, counting);
        }
        if (statement instanceof PreparedStatement prepared) {
            return proxy(PreparedStatement.class, prepared, counting);
        }
        return proxy(Statement.class, statement, counting);
    }

    private interface Call {
        Object invoke(Method method, Object[] args) throws Exception;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, T target, Call call) {
        InvocationHandler handler = (proxy, method, args) -> {
            try {
                return call.invoke(method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return (T) Proxy.newProxyInstance(CountingDataSource.class.getClassLoader(), new Class<?>[] {type}, handler);
    }

    /** Statements and commits so far; subtract two snapshots for the work in between. */
    record DatabaseWork(long statements, long commits) {
        DatabaseWork minus(DatabaseWork earlier) {
            return new DatabaseWork(statements - earlier.statements, commits - earlier.commits);
        }
    }
}
