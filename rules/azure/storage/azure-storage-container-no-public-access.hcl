rule "azure-storage-container-no-public-access" {
  title     = "Storage container allows anonymous public read access"
  severity  = "high"
  area      = "data-protection"
  resources = ["azurerm_storage_container"]
  aliases   = ["CKV_AZURE_34", "AVD-AZU-0007", "azure-storage-no-public-access"]

  description = <<-EOT
    `container_access_type = "blob"` lets anyone on the internet read every blob in the container by
    URL without credentials; `"container"` also lets them list the blobs. Data published that way
    is found by crawlers that enumerate storage account names. The access level of each container
    is the customer's choice.

    `container_access_type` defaults to `private`. The access takes effect only while the account
    allows public nested items (`allow_nested_items_to_be_public`, true by default before azurerm
    v5; see `azure-storage-no-public-blob-access`), so the rule reports the container regardless:
    it states the intent to publish. Severity is high rather than critical for that reason.
  EOT
  remediation = "Set `container_access_type = \"private\"` (or remove it) and share data with SAS tokens or Entra ID roles; serve public content through a CDN or a static website instead."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_container#container_access_type",
    "https://learn.microsoft.com/en-us/azure/storage/blobs/anonymous-read-access-prevent",
  ]

  assert {
    attribute "container_access_type" {
      equals  = "private"
      default = "private"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_container" "exports" {
        name                  = "exports"
        storage_account_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/data"
        container_access_type = "container"  # expect: azure-storage-container-no-public-access
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      variable "access" {
        type    = string
        default = "blob"
      }

      resource "azurerm_storage_container" "exports" {
        name                  = "exports"
        storage_account_name  = "data"
        container_access_type = var.access  # expect: azure-storage-container-no-public-access
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_container" "exports" {
        name               = "exports"
        storage_account_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/data"
      }
    EOT
  }
}
