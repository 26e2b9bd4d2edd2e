//! Instance settings listed by prefix (the sweep of unconfirmed CSV uploads), on both databases:
//! LIKE wildcards in the prefix are literal, keys come in order, the limit holds.

use crate::support::on_each_backend;

#[tokio::test]
async fn setting_keys_are_listed_by_literal_prefix_in_order() {
    on_each_backend("settings_prefix", |_backend, store| async move {
        for k in ["up:3", "up:1", "up:2", "upx", "up_1", "other"] {
            store.put_setting(k, "v").await.unwrap();
        }
        assert_eq!(store.setting_keys_with_prefix("up:", 10).await.unwrap(), ["up:1", "up:2", "up:3"]);
        assert_eq!(store.setting_keys_with_prefix("up:", 2).await.unwrap(), ["up:1", "up:2"]);
        assert_eq!(store.setting_keys_with_prefix("up_", 10).await.unwrap(), ["up_1"], "_ is not a wildcard");
        assert!(store.setting_keys_with_prefix("nothing", 10).await.unwrap().is_empty());
    })
    .await;
}
