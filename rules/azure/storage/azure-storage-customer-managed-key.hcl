rule "azure-storage-customer-managed-key" {
  title     = "Storage account is encrypted with a Microsoft-managed key, not a customer-managed key"
  severity  = "low"
  area      = "data-protection"
  resources = ["azurerm_storage_account"]
  aliases   = ["CKV2_AZURE_1", "AVD-AZU-0060", "azure-storage-blob-container-cmk-encrypted"]

  compliance = { "cis-azure-3.0" = ["4.11"] }
  description = <<-EOT
    Azure Storage always encrypts data at rest; by default with keys Microsoft manages. A
    customer-managed key in Key Vault puts key custody with the customer: the key can be rotated on
    the customer's schedule, its use is audited in Key Vault logs, and revoking it makes the data
    unreadable at once (crypto-shredding), which many regulated workloads require. Choosing the key
    is the customer's decision.

    The account is compliant with an inline `customer_managed_key` block or an
    `azurerm_storage_account_customer_managed_key` resource referring to it through
    `storage_account_id`. Severity is low: without a customer-managed key the data is still
    encrypted; the rule is about key custody, and accounts holding no sensitive data can suppress it.
  EOT
  remediation = "Give the account an identity with access to a Key Vault key and add `customer_managed_key { key_vault_key_id = ... user_assigned_identity_id = ... }`, or an `azurerm_storage_account_customer_managed_key` resource."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account#customer_managed_key",
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/storage_account_customer_managed_key",
    "https://learn.microsoft.com/en-us/azure/storage/common/customer-managed-keys-overview",
  ]

  assert {
    any {
      attribute "customer_managed_key" {
        present = true
      }
      linked "azurerm_storage_account_customer_managed_key" {
        via = "storage_account_id"
      }
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {  # expect: azure-storage-customer-managed-key
        name                     = "strecords"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GZRS"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {
        name                     = "strecords"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GZRS"

        identity {
          type         = "UserAssigned"
          identity_ids = ["/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-records"]
        }

        customer_managed_key {
          key_vault_key_id          = "https://kv-data.vault.azure.net/keys/records"
          user_assigned_identity_id = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.ManagedIdentity/userAssignedIdentities/id-records"
        }
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_storage_account" "records" {
        name                     = "strecords"
        resource_group_name      = "rg-data"
        location                 = "westeurope"
        account_tier             = "Standard"
        account_replication_type = "GZRS"

        identity {
          type = "SystemAssigned"
        }
      }

      resource "azurerm_storage_account_customer_managed_key" "records" {
        storage_account_id = azurerm_storage_account.records.id
        key_vault_id       = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg-data/providers/Microsoft.KeyVault/vaults/kv-data"
        key_name           = "records"
      }
    EOT
  }
}
