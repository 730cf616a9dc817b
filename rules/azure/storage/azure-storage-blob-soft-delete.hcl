rule "azure-storage-blob-soft-delete" {
  title     = "Storage account does not keep deleted blobs (blob soft delete off)"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV2_AZURE_38", "AVD-AZU-0056", "azure-storage-blobs-soft-deletion-enabled"]

  compliance = { "cis-azure-3.0" = ["4.10"] }
  description = <<-EOT
    Without blob soft delete, a blob that is deleted or overwritten (by a script with a wrong prefix,
    a compromised key, ransomware) is gone at once. Soft delete keeps it recoverable for the
    retention period. Protecting data against deletion is the customer's side of the shared
    responsibility model: Azure's redundancy replicates a deletion faithfully.

    The azurerm provider creates no blob delete retention policy unless a
    `blob_properties.delete_retention_policy` block is written, so an absent block is reported; in
    the block, `days` defaults to 7 and a value below 1 keeps nothing.
    Severity is medium: a missing recovery safeguard, not an exposure.
  EOT
  remediation = "Add `blob_properties { delete_retention_policy { days = 7 } }` (1 to 365 days) to the storage account; consider `container_delete_retention_policy` and versioning as well."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#delete_retention_policy",
    "https://learn.microsoft.com/en-us/azure/storage/blobs/soft-delete-blob-overview",
  ]

  assert {
    attribute "blob_properties.delete_retention_policy" {
      present = true
    }
    attribute "blob_properties.delete_retention_policy.days" {
      gte     = 1
      default = 7
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "docs" {
        name                     = "docs"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"

        blob_properties {  # expect: azure-storage-blob-soft-delete
          versioning_enabled = true
        }
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "media" {  # expect: azure-storage-blob-soft-delete
        name                     = "media"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "scratch" {
        name                     = "scratch"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "LRS"

        blob_properties {
          delete_retention_policy {
            days = 0  # expect: azure-storage-blob-soft-delete
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
        }
      }
    EOT
  }
}
