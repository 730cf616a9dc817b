rule "azure-keyvault-rsa-key-size" {
  title     = "Key Vault RSA key is shorter than 2048 bits"
  severity  = "medium"
  area      = "data-protection"
  resources = ["azurerm_key_vault_key"]

  description = <<-EOT
    RSA keys shorter than 2048 bits are below what NIST and most regulators accept; their strength
    no longer protects data encrypted or signed with them for its lifetime. The key size is chosen
    by the customer when creating the key.

    The rule applies to `key_type` `RSA` and `RSA-HSM`, where `key_size` is required, and reports a
    size below 2048. Severity is medium: weak cryptography rather than missing encryption.
  EOT
  remediation = "Create the key with `key_size = 3072` (or at least 2048), rotate data to the new key, and disable the old one."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/key_vault_key#key_size",
    "https://learn.microsoft.com/en-us/azure/key-vault/keys/about-keys",
  ]

  when {
    attribute "key_type" {
      one_of = ["RSA", "RSA-HSM"]
    }
  }

  assert {
    attribute "key_size" {
      gte = 2048
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "legacy" {
        name            = "legacy-signing"
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        key_type        = "RSA"
        key_size        = 1024  # expect: azure-keyvault-rsa-key-size
        key_opts        = ["sign", "verify"]
        expiration_date = "2027-01-01T00:00:00Z"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "signing" {
        name            = "signing"
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        key_type        = "RSA-HSM"
        key_size        = 3072
        key_opts        = ["sign", "verify"]
        expiration_date = "2027-01-01T00:00:00Z"
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_key_vault_key" "ec" {
        name            = "ec-signing"
        key_vault_id    = "/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.KeyVault/vaults/kv-app"
        key_type        = "EC"
        curve           = "P-256"
        key_opts        = ["sign", "verify"]
        expiration_date = "2027-01-01T00:00:00Z"
      }
    EOT
  }
}
