rule "azure-storage-container-soft-delete" {
  title     = "Storage account does not keep deleted containers (container soft delete off)"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]

  compliance = { "cis-azure-3.0" = ["4.10"] }
  description = <<-EOT
    Blob soft delete keeps deleted blobs, but deleting a whole container removes every blob in it
    at once and blob soft delete cannot bring them back. Container soft delete keeps a deleted
    container, with its blobs, recoverable for the retention period. A mistyped cleanup script, a
    compromised key with delete rights or a destructive attacker is the risk; recovering from a
    deletion is the customer's side, since Azure replicates the deletion to every copy.

    The azurerm provider sets no container delete retention policy unless a
    `blob_properties.container_delete_retention_policy` block is written, so an absent block is
    reported; inside it, `days` defaults to 7 and must be 1 or more. The CIS control asks for both
    container and blob soft delete: together with `azure-storage-blob-soft-delete` this rule
    implements it. Severity is medium: a missing recovery safeguard, not an exposure.
  EOT
  remediation = "Add `blob_properties { container_delete_retention_policy { days = 7 } }` (1 to 365 days) next to the blob `delete_retention_policy`."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#container_delete_retention_policy",
    "https://learn.microsoft.com/en-us/azure/storage/blobs/soft-delete-container-overview",
  ]

  assert {
    attribute "blob_properties.container_delete_retention_policy" {
      present = true
    }
    attribute "blob_properties.container_delete_retention_policy.days" {
      gte     = 1
      default = 7
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "docs" {  # expect: azure-storage-container-soft-delete
        name                     = "docs"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "docs" {
        name                     = "docs"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"

        blob_properties {  # expect: azure-storage-container-soft-delete
          delete_retention_policy {
            days = 14
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "docs" {
        name                     = "docs"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"

        blob_properties {
          delete_retention_policy {
            days = 14
          }
          container_delete_retention_policy {
            days = 14
          }
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      # days left out: the provider default is 7
      resource "azurerm_storage_account" "docs" {
        name                     = "docs"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"

        blob_properties {
          container_delete_retention_policy {}
        }
      }
    EOT
  }
}
