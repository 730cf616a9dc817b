rule "azure-storage-geo-redundant-replication" {
  title     = "Storage account data is not replicated to a second region"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV_AZURE_206", "AVD-AZU-0058", "azure-storage-enable-geo-redundant-backups"]

  description = <<-EOT
    Locally (`LRS`) and zone-redundant (`ZRS`) accounts keep every copy in one region; a regional
    outage or disaster makes the data unavailable, and possibly lost. Geo-redundant replication
    (`GRS`, `RAGRS`, `GZRS`, `RAGZRS`) keeps a copy in the paired region. Azure offers the
    replication; which level data gets is the customer's choice.

    `account_replication_type` is required. Severity is low: it is about availability and
    recovery, and data that is easy to recreate rightly stays local (suppress the rule for it).
    Replication copies deletions too; it does not replace soft delete or backups.
  EOT
  remediation = "Set `account_replication_type` to `GRS` or `GZRS` (or the read-access variants `RAGRS` / `RAGZRS`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#account_replication_type",
    "https://learn.microsoft.com/en-us/azure/storage/common/storage-redundancy",
  ]

  assert {
    attribute "account_replication_type" {
      one_of = ["GRS", "RAGRS", "GZRS", "RAGZRS"]
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {
        name                     = "records"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "ZRS"  # expect: azure-storage-geo-redundant-replication
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {
        name                     = "records"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GZRS"
      }
    EOT
  }
}
