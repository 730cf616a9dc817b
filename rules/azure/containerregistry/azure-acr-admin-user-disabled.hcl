rule "azure-acr-admin-user-disabled" {
  title     = "Container registry has the admin user enabled"
  severity  = "medium"
  area      = "identity-access"
  resources = ["azurerm_container_registry"]
  aliases   = ["CKV_AZURE_137"]

  description = <<-EOT
    The registry admin user is a single shared username with two passwords that grant full push and
    pull rights on every repository. It cannot be scoped, is not tied to a person or workload, and is
    easily copied into pipelines and cluster secrets; whoever obtains it can plant a malicious image
    that production then pulls. Entra ID identities and scoped tokens make access attributable and
    revocable. Enabling the admin user is a customer decision.

    `admin_enabled` defaults to `false`, so only an explicit `true` is reported.
  EOT
  remediation = "Set `admin_enabled = false` and give pipelines and clusters `AcrPush` / `AcrPull` role assignments on managed identities (or repository-scoped tokens)."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#admin_enabled",
    "https://docs.microsoft.com/en-us/azure/container-registry/container-registry-authentication",
  ]

  assert {
    attribute "admin_enabled" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_container_registry" "images" {
        name                = "acrimages"
        resource_group_name = "rg-build"
        location            = "westeurope"
        sku                 = "Premium"
        admin_enabled       = true  # expect: azure-acr-admin-user-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_container_registry" "images" {
        name                = "acrimages"
        resource_group_name = "rg-build"
        location            = "westeurope"
        sku                 = "Premium"
        admin_enabled       = false
      }
    EOT
  }
}
