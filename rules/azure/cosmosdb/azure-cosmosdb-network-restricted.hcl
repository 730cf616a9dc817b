rule "azure-cosmosdb-network-restricted" {
  title     = "Cosmos DB account accepts connections from all networks"
  severity  = "medium"
  area      = "configuration-posture"
  resources = ["azurerm_cosmosdb_account"]
  aliases   = ["CKV_AZURE_99", "CKV_AZURE_101"]

  compliance = { "cis-azure-3.0" = ["5.4.1"] }
  description = <<-EOT
    A Cosmos DB account with public network access and no IP or virtual network filter accepts
    requests from the whole internet. Its primary keys grant full read and write access to every
    database, and they end up in connection strings, application settings and CI variables; once one
    leaks, it works from anywhere. A firewall or private endpoints limit where a stolen key can be
    used. Azure runs the service; the network boundary is the customer's configuration.

    The account is compliant when `public_network_access_enabled = false` (default `true`), when
    `ip_range_filter` lists allowed ranges, or when `is_virtual_network_filter_enabled = true` with at
    least one `virtual_network_rule`. Note that `ip_range_filter` was a comma-separated string in
    azurerm v3 and is a set of strings since v4; both forms are accepted.
  EOT
  remediation = "Set `public_network_access_enabled = false` and use private endpoints, or restrict the account with `ip_range_filter` and/or `is_virtual_network_filter_enabled = true` plus `virtual_network_rule` blocks."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#public_network_access_enabled",
    "https://docs.microsoft.com/azure/cosmos-db/how-to-configure-firewall#allow-requests-from-global-azure-datacenters-or-other-sources-within-azure",
  ]

  assert {
    any {
      attribute "public_network_access_enabled" {
        equals  = false
        default = true
      }
      attribute "ip_range_filter" {
        length_gte = 1
      }
      all {
        attribute "is_virtual_network_filter_enabled" {
          equals = true
        }
        attribute "virtual_network_rule" {
          present = true
        }
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cosmosdb_account" "orders" {  # expect: azure-cosmosdb-network-restricted
        name                = "cosmos-orders"
        location            = "westeurope"
        resource_group_name = "rg-data"
        offer_type          = "Standard"
        kind                = "GlobalDocumentDB"

        consistency_policy {
          consistency_level = "Session"
        }

        geo_location {
          location          = "westeurope"
          failover_priority = 0
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_cosmosdb_account" "orders" {
        name                          = "cosmos-orders"
        location                      = "westeurope"
        resource_group_name           = "rg-data"
        offer_type                    = "Standard"
        kind                          = "GlobalDocumentDB"
        public_network_access_enabled = false

        consistency_policy {
          consistency_level = "Session"
        }

        geo_location {
          location          = "westeurope"
          failover_priority = 0
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_cosmosdb_account" "orders" {
        name                = "cosmos-orders"
        location            = "westeurope"
        resource_group_name = "rg-data"
        offer_type          = "Standard"
        kind                = "GlobalDocumentDB"
        ip_range_filter     = ["203.0.113.0/24"]

        consistency_policy {
          consistency_level = "Session"
        }

        geo_location {
          location          = "westeurope"
          failover_priority = 0
        }
      }
    EOT
  }
}
