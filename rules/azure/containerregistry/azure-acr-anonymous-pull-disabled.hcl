rule "azure-acr-anonymous-pull-disabled" {
  title     = "Container registry allows anonymous (unauthenticated) pulls"
  severity  = "high"
  area      = "data-protection"
  resources = ["azurerm_container_registry"]
  aliases   = ["CKV_AZURE_138"]

  description = <<-EOT
    With anonymous pull access, anyone who can reach the registry can download every image in it
    without credentials. Private images routinely contain proprietary code, internal endpoints and,
    too often, baked-in secrets. What a registry publishes is the customer's decision.

    `anonymous_pull_enabled` defaults to `false` (and needs the Standard or Premium SKU), so only an
    explicit `true` is reported. Severity is high: data readable without authentication; a registry
    meant for public images should hold nothing else.
  EOT
  remediation = "Remove `anonymous_pull_enabled = true`; give pulling clients an identity with the AcrPull role, or publish public images in a separate registry."
  references = [
    "https://registry.terraform.io/providers/hashicorp/azurerm/latest/docs/resources/container_registry#anonymous_pull_enabled",
    "https://learn.microsoft.com/en-us/azure/container-registry/anonymous-pull-access",
  ]

  assert {
    attribute "anonymous_pull_enabled" {
      equals  = false
      default = false
    }
  }

  example "bad" {
    code = <<-EOT
      resource "azurerm_container_registry" "images" {
        name                   = "acrimages"
        resource_group_name    = "rg-build"
        location               = "westeurope"
        sku                    = "Standard"
        anonymous_pull_enabled = true  # expect: azure-acr-anonymous-pull-disabled
      }
    EOT
  }

  example "good" {
    code = <<-EOT
      resource "azurerm_container_registry" "images" {
        name                = "acrimages"
        resource_group_name = "rg-build"
        location            = "westeurope"
        sku                 = "Standard"
      }
    EOT
  }
}
