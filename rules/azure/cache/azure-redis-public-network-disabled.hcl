rule "azure-redis-public-network-disabled" {
  title     = "Azure Cache for Redis accepts connections from public networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_redis_cache"]
  aliases   = ["CKV_AZURE_89"]

  description = <<-EOT
    A cache reachable from public networks can be reached by anyone who holds (or guesses, or steals) an access key, and the keys end up in application settings and connection strings. Caches hold session tokens and cached query results. Private endpoints (or VNet injection) keep the cache off the internet; the network boundary is the customer's configuration.

    `public_network_access_enabled` defaults to `true` in the azurerm provider, so an absent argument is reported. A value from a variable with no value is unknown and not reported. Severity is medium: exposure of the endpoint, with key authentication still in front of the data.
  EOT
  remediation = "Set `public_network_access_enabled = false` and reach the cache through a private endpoint."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/redis_cache#public_network_access_enabled",
    "https://learn.microsoft.com/en-us/azure/azure-cache-for-redis/cache-private-link",
  ]

  assert {
    attribute "public_network_access_enabled" {
      equals  = false
      default = true
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
        public_network_access_enabled = true  # expect: azure-redis-public-network-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_redis_cache" "app" {  # expect: azure-redis-public-network-disabled
        name                = "redis-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        capacity            = 1
        family              = "C"
        sku_name            = "Standard"
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
        public_network_access_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_redis_cache" "app" {
        name                = "redis-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        capacity            = 1
        family              = "C"
        sku_name            = "Standard"
        public_network_access_enabled = var.setting
      }
    EOT
  }
}
