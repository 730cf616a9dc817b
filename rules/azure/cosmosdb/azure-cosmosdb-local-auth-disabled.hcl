rule "azure-cosmosdb-local-auth-disabled" {
  title     = "Cosmos DB account allows key-based (local) authentication"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_cosmosdb_account"]
  aliases   = ["CKV_AZURE_140"]

  compliance = { "cis-azure-3.0" = ["5.4.3"] }
  description = <<-EOT
    Cosmos DB primary keys grant full read and write access to every database in the account,
    never expire and are not tied to an identity, so a key in a connection string is an
    unattributable credential that works until rotated. Disabling local authentication forces
    Entra ID with data-plane roles and an audit trail. Data-plane credentials are the customer's
    side.

    `local_authentication_disabled` (azurerm v3 and v4) defaults to `false` and
    `local_authentication_enabled` (azurerm v5) to `true`: keys are allowed unless one of them says
    otherwise; both spellings are accepted. Severity is medium: a
    standing credential rather than an exposure. Some APIs (Cassandra, Gremlin, Table in older
    clients) still need keys; suppress the rule there.
  EOT
  remediation = "Set `local_authentication_disabled = true` (azurerm v5: `local_authentication_enabled = false`) and grant applications Cosmos DB data-plane roles through managed identities."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#local_authentication_disabled",
    "https://learn.microsoft.com/en-us/azure/cosmos-db/how-to-setup-rbac#disable-local-auth",
  ]

  assert {
    any {
      # azurerm v3 and v4
      attribute "local_authentication_disabled" {
        equals = true
      }
      # azurerm v5 replaced it with the positive form (default true)
      attribute "local_authentication_enabled" {
        equals = false
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cosmosdb_account" "orders" {  # expect: azure-cosmosdb-local-auth-disabled
        name                = "cosmos-orders"
        location            = "westeurope"
        resource_group_name = "rg-data"
        offer_type          = "Standard"

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
        local_authentication_disabled = true

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

  example "bad" {
    code = <<-EOT
      resource "azurerm_cosmosdb_account" "orders" {
        name                         = "cosmos-orders"
        location                     = "westeurope"
        resource_group_name          = "rg-data"
        offer_type                   = "Standard"
        local_authentication_enabled = true  # expect: azure-cosmosdb-local-auth-disabled

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
      # azurerm v5 spelling
      resource "azurerm_cosmosdb_account" "orders" {
        name                         = "cosmos-orders"
        location                     = "westeurope"
        resource_group_name          = "rg-data"
        offer_type                   = "Standard"
        local_authentication_enabled = false

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
