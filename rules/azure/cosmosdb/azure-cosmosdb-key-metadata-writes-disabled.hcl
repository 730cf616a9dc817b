rule "azure-cosmosdb-key-metadata-writes-disabled" {
  title     = "Cosmos DB account lets account keys change databases and containers"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_cosmosdb_account"]
  aliases   = ["CKV_AZURE_132"]

  description = <<-EOT
    With key-based metadata writes on, anyone holding an account key (a data-plane secret that sits in application settings) can also create, change and delete databases and containers, including their throughput and indexing. Turning it off limits key holders to data operations and leaves resource changes to Azure RBAC on the management plane.

    `access_key_metadata_writes_enabled` defaults to `true`, so an absent argument is reported.
  EOT
  remediation = "Set `access_key_metadata_writes_enabled = false` and manage databases and containers through Terraform or ARM with RBAC."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/cosmosdb_account#access_key_metadata_writes_enabled",
    "https://learn.microsoft.com/en-us/azure/cosmos-db/audit-control-plane-logs#disable-key-based-metadata-write-access",
  ]

  assert {
    attribute "access_key_metadata_writes_enabled" {
      equals  = false
      default = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cosmosdb_account" "app" {
        name                = "cosmos-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        offer_type          = "Standard"
        consistency_policy {
          consistency_level = "Session"
        }
        geo_location {
          location          = "westeurope"
          failover_priority = 0
        }
        access_key_metadata_writes_enabled = true  # expect: azure-cosmosdb-key-metadata-writes-disabled
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_cosmosdb_account" "app" {  # expect: azure-cosmosdb-key-metadata-writes-disabled
        name                = "cosmos-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
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
      resource "azurerm_cosmosdb_account" "app" {
        name                = "cosmos-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        offer_type          = "Standard"
        consistency_policy {
          consistency_level = "Session"
        }
        geo_location {
          location          = "westeurope"
          failover_priority = 0
        }
        access_key_metadata_writes_enabled = false
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      variable "setting" {
        type = bool
      }

      resource "azurerm_cosmosdb_account" "app" {
        name                = "cosmos-app"
        location            = "westeurope"
        resource_group_name = "rg-app"
        offer_type          = "Standard"
        consistency_policy {
          consistency_level = "Session"
        }
        geo_location {
          location          = "westeurope"
          failover_priority = 0
        }
        access_key_metadata_writes_enabled = var.setting
      }
    EOT
  }
}
