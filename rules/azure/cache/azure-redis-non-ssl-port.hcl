rule "azure-redis-non-ssl-port" {
  title     = "Azure Cache for Redis accepts unencrypted connections (non-TLS port 6379)"
  severity  = "high"
  area      = "data-protection"
  resources = ["azurerm_redis_cache"]
  aliases   = ["CKV_AZURE_91"]

  description = <<-EOT
    With the non-TLS port open, clients can connect to the cache on port 6379 in clear text: the
    access key sent with `AUTH` and every cached value (sessions, tokens, personal data) cross the
    network readable by anyone on the path. Azure provides the TLS port; closing the plain one is
    the customer's setting.

    The argument is `non_ssl_port_enabled` in azurerm v4 and `enable_non_ssl_port` in v3; both
    default to `false`, so only an explicit `true` under either name is reported.
  EOT
  remediation = "Remove `non_ssl_port_enabled = true` / `enable_non_ssl_port = true` and connect clients on the TLS port 6380 (with `minimum_tls_version = \"1.2\"`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache#non_ssl_port_enabled",
    "https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-configure#access-ports",
  ]

  assert {
    attribute "non_ssl_port_enabled" {
      equals  = false
      default = false
    }
    attribute "enable_non_ssl_port" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_redis_cache" "sessions" {
        name                 = "redis-sessions"
        location             = "westeurope"
        resource_group_name  = "rg-app"
        capacity             = 1
        family               = "C"
        sku_name             = "Standard"
        non_ssl_port_enabled = true  # expect: azure-redis-non-ssl-port
        minimum_tls_version  = "1.2"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      # azurerm v3 spelling
      resource "azurerm_redis_cache" "sessions" {
        name                = "redis-sessions"
        location            = "westeurope"
        resource_group_name = "rg-app"
        capacity            = 1
        family              = "C"
        sku_name            = "Standard"
        enable_non_ssl_port = true  # expect: azure-redis-non-ssl-port
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_redis_cache" "sessions" {
        name                = "redis-sessions"
        location            = "westeurope"
        resource_group_name = "rg-app"
        capacity            = 1
        family              = "C"
        sku_name            = "Standard"
        minimum_tls_version = "1.2"
      }
    EOT
  }
}
