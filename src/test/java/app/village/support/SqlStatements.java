package app.village.support;

import java.io.IOException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.Ordered;
import org.springframework.stereotype.Component;

import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.http.HttpServletRequest;

/**
 * Records the SQL statements one HTTP request runs, session handling included: a request sent with the
 * header {@value #HEADER} has every statement executed on its thread recorded under the header's value
 * ({@link #of}). Background work (readings, the story index, events) runs on other threads and is not
 * counted. The DataSource is wrapped for every test context, so using this changes no context.
 */
@Component
public class SqlStatements implements BeanPostProcessor, Filter, Ordered {

    public static final String HEADER = "X-Count-Sql";
    private static final ThreadLocal<List<String>> CURRENT = new ThreadLocal<>();
    private static final Set<String> EXECUTE = Set.of("execute", "executeQuery", "executeUpdate", "executeLargeUpdate",
            "executeBatch", "executeLargeBatch");

    private final Map<String, List<String>> recorded = new ConcurrentHashMap<>();

    /** The statements of the request sent with {@code X-Count-Sql: key}, in order. */
    public List<String> of(String key) {
        return recorded.getOrDefault(key, List.of());
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE; // outside Spring Session's filter, so its statements count too
    }

    @Override
    public void doFilter(ServletRequest request, ServletResponse response, FilterChain chain) throws IOException, ServletException {
        String key = request instanceof HttpServletRequest http ? http.getHeader(HEADER) : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        List<String> statements = java.util.Collections.synchronizedList(new ArrayList<>());
        CURRENT.set(statements);
        try {
            chain.doFilter(request, response);
        } finally {
            CURRENT.remove();
            recorded.put(key, List.copyOf(statements));
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource dataSource) {
            return proxy(DataSource.class, dataSource, (target, method, args) -> {
                Object result = method.invoke(target, args);
                return result instanceof Connection c ? proxy(Connection.class, c, connectionHandler()) : result;
            });
        }
        return bean;
    }

    private static Target connectionHandler() {
        return (target, method, args) -> {
            Object result = method.invoke(target, args);
            if (result instanceof Statement statement) {
                String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                Class<? extends Statement> type = result instanceof java.sql.CallableStatement ? java.sql.CallableStatement.class
                        : result instanceof java.sql.PreparedStatement ? java.sql.PreparedStatement.class : Statement.class;
                return proxy(type, statement, (t, m, a) -> {
                    if (EXECUTE.contains(m.getName())) {
                        record(sql != null ? sql : a != null && a.length > 0 ? String.valueOf(a[0]) : m.getName());
                    }
                    return m.invoke(t, a);
                });
            }
            return result;
        };
    }

    private static void record(String sql) {
        List<String> statements = CURRENT.get();
        if (statements != null) {
            statements.add(sql.strip().replaceAll("\\s+", " "));
        }
    }

    @FunctionalInterface
    private interface Target {
        Object call(Object target, Method method, Object[] args) throws Throwable;
    }

    @SuppressWarnings("unchecked")
    private static <T> T proxy(Class<T> type, Object target, Target handler) {
        InvocationHandler h = (p, method, args) -> {
            if (method.getName().equals("unwrap") && args != null && args[0] instanceof Class<?> c && c.isInstance(target)) {
                return target;
            }
            try {
                return handler.call(target, method, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        // AutoCloseable too when the target is, so that the pool is still closed with the context.
        Class<?>[] types = target instanceof AutoCloseable && !AutoCloseable.class.isAssignableFrom(type)
                ? new Class<?>[] {type, AutoCloseable.class} : new Class<?>[] {type};
        return (T) Proxy.newProxyInstance(SqlStatements.class.getClassLoader(), types, h);
    }
}
