rule "azure-redis-min-tls-version" {
  title     = "Azure Cache for Redis accepts TLS versions older than 1.2"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_redis_cache"]
  aliases   = ["CKV_AZURE_148"]

  description = <<-EOT
    TLS 1.0 and 1.1 have known weaknesses and are retired by Microsoft across Azure; a cache that still negotiates them lets a client (or a downgrade on the path) protect cache traffic, which includes session tokens and the access key, with broken protocols. The TLS floor is a customer setting.

    `minimum_tls_version` defaults to `"1.2"` in current azurerm versions, so only an explicit `"1.0"` or `"1.1"` is reported.
  EOT
  remediation = "Set `minimum_tls_version = \"1.2\"` (or remove the argument) after checking that clients support TLS 1.2."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache#minimum_tls_version",
    "https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-remove-tls-10-11",
  ]

  assert {
    attribute "minimum_tls_version" {
      not_one_of = ["1.0", "1.1"]
      default = "1.2"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_redis_cache" "app" {
        name                = "redis-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        capacity            = 1
        family              = "C"
        sku_name            = "Standard"
        minimum_tls_version = "1.0"  # expect: azure-redis-min-tls-version
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_redis_cache" "app" {
        name                = "redis-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        capacity            = 1
        family              = "C"
        sku_name            = "Standard"
        minimum_tls_version = "1.2"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = string
      }

      resource "azurerm_redis_cache" "app" {
        name                = "redis-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        capacity            = 1
        family              = "C"
        sku_name            = "Standard"
        minimum_tls_version = var.setting
      }
    EOT
  }
}
