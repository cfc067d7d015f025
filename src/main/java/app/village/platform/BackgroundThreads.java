package app.village.platform;

import java.util.concurrent.ThreadPoolExecutor;

import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

/**
 * A fixed number of platform threads for background work, as every executor of Village is made
 * (see {@code PlatformConfiguration}): platform, not virtual, because the model's native code and
 * class loading pin a virtual thread's carrier; work handed over once the stop began is dropped,
 * not failed, since its event publication is delivered again at the next start; running work gets
 * 20 seconds to finish. Declare the bean with the DataSource as a parameter so it stops before the
 * connection pool.
 */
public final class BackgroundThreads {

    private BackgroundThreads() {
    }

    public static ThreadPoolTaskExecutor fixed(String namePrefix, int threads) {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setCorePoolSize(threads);
        executor.setMaxPoolSize(threads);
        executor.setThreadNamePrefix(namePrefix);
        executor.setVirtualThreads(false);
        executor.setRejectedExecutionHandler(new ThreadPoolExecutor.DiscardPolicy());
        executor.setAwaitTerminationSeconds(20);
        return executor;
    }
}
