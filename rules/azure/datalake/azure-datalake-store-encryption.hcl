rule "azure-datalake-store-encryption" {
  title     = "Data Lake Storage Gen1 account has encryption disabled"
  severity  = "high"
  area      = "data-protection"
  resources = ["azurerm_data_lake_store"]
  aliases   = ["CKV_AZURE_105", "AVD-AZU-0036", "azure-datalake-enable-at-rest-encryption"]

  description = <<-EOT
    Data Lake Storage Gen1 lets an account be created with encryption at rest switched off, leaving
    analytics data (often copies of production data) unencrypted on disk. Whether the account
    encrypts is chosen by the customer at creation and cannot be changed later.

    `encryption_state` defaults to `Enabled`, so only an explicit `Disabled` is reported. Gen1 is
    retired by Microsoft and the resource is absent from current azurerm versions; the rule covers
    older configurations. Severity is high: unencrypted sensitive data.
  EOT
  remediation = "Remove `encryption_state = \"Disabled\"` (or set `\"Enabled\"`), recreating the account, or migrate to Data Lake Storage Gen2 (a storage account with `is_hns_enabled = true`)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/3.117.0/docs/resources/data_lake_store#encryption_state",
    "https://learn.microsoft.com/en-us/azure/data-lake-store/data-lake-store-encryption",
  ]

  assert {
    attribute "encryption_state" {
      equals  = "Enabled"
      default = "Enabled"
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_data_lake_store" "raw" {
        name                = "rawlake"
        resource_group_name = "rg-data"
        location            = "northeurope"
        encryption_state    = "Disabled"  # expect: azure-datalake-store-encryption
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_data_lake_store" "raw" {
        name                = "rawlake"
        resource_group_name = "rg-data"
        location            = "northeurope"
        encryption_state    = "Enabled"
        encryption_type     = "ServiceManaged"
      }
    EOT
  }
}
