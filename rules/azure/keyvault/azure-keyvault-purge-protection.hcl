rule "azure-keyvault-purge-protection" {
  title     = "Key Vault does not have purge protection enabled"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_key_vault"]
  aliases   = ["CKV_AZURE_110", "CKV_AZURE_42", "AVD-AZU-0016", "azure-keyvault-no-purge"]

  compliance = { "cis-azure-3.0" = ["3.3.5"] }
  description = <<-EOT
    Soft delete keeps a deleted vault and its keys, secrets and certificates recoverable for the
    retention period, but without purge protection anyone with the purge permission (a compromised
    administrator, a malicious insider, ransomware running with stolen credentials) can permanently
    destroy them at once. Losing a key that encrypts storage accounts, disks or databases makes that
    data unrecoverable. Purge protection forces the retention period to run out first; Azure offers
    it, the customer has to turn it on.

    `purge_protection_enabled` has no documented default in the azurerm provider and is off unless
    set; once enabled it cannot be disabled again. Trivy's check also reports a
    `soft_delete_retention_days` outside 7 to 90; onus does not, because the azurerm provider
    rejects such values at plan time, so no deployable configuration has them.
  EOT
  remediation = "Set `purge_protection_enabled = true` on the `azurerm_key_vault` (and keep `soft_delete_retention_days` at a value that leaves time to notice a deletion)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault#purge_protection_enabled",
    "https://docs.microsoft.com/en-us/azure/key-vault/general/soft-delete-overview#purge-protection",
  ]

  assert {
    attribute "purge_protection_enabled" {
      equals = true
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {  # expect: azure-keyvault-purge-protection
        name                       = "kv-app"
        location                   = "westeurope"
        resource_group_name        = "rg-app"
        tenant_id                  = "00000000-0000-0000-0000-000000000000"
        sku_name                   = "standard"
        rbac_authorization_enabled = true
        soft_delete_retention_days = 7
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault" "app" {
        name                       = "kv-app"
        location                   = "westeurope"
        resource_group_name        = "rg-app"
        tenant_id                  = "00000000-0000-0000-0000-000000000000"
        sku_name                   = "standard"
        rbac_authorization_enabled = true
        purge_protection_enabled   = true
        soft_delete_retention_days = 90
      }
    EOT
  }
}
