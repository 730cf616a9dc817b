rule "azure-storage-infrastructure-encryption" {
  title     = "Storage account does not enable infrastructure (double) encryption"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]
  aliases   = ["AVD-AZU-0061", "azure-storage-infrastructure-encryption-enabled"]

  compliance = { "cis-azure-3.0" = ["4.2"] }
  description = <<-EOT
    Azure Storage always encrypts data at rest with one layer of AES-256. Infrastructure encryption
    adds a second layer, with a different key and algorithm implementation, at the infrastructure
    level, so one compromised key or flawed implementation does not expose the data. It can only be
    chosen when the account is created, which makes it the customer's decision up front.

    `infrastructure_encryption_enabled` defaults to `false`. Severity is low: the data is already
    encrypted once; this is an additional layer that regulated workloads often require.
  EOT
  remediation = "Set `infrastructure_encryption_enabled = true` when creating the storage account (changing it recreates the account)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#infrastructure_encryption_enabled",
    "https://learn.microsoft.com/en-us/azure/storage/common/infrastructure-encryption-enable",
  ]

  assert {
    attribute "infrastructure_encryption_enabled" {
      equals  = true
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {  # expect: azure-storage-infrastructure-encryption
        name                     = "records"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GRS"
      }
    EOT
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {
        name                              = "records"
        resource_group_name               = "rg-data"
        location                          = "westeurope"
        account_tier                      = "Standard"
        account_replication_type          = "GRS"
        infrastructure_encryption_enabled = false  # expect: azure-storage-infrastructure-encryption
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {
        name                              = "records"
        resource_group_name               = "rg-data"
        location                          = "westeurope"
        account_tier                      = "Standard"
        account_replication_type          = "GRS"
        infrastructure_encryption_enabled = true
      }
    EOT
  }
}
