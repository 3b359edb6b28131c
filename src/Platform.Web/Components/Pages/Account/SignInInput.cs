using System.ComponentModel.DataAnnotations;

namespace Platform.Web.Components.Pages.Account;

public sealed class SignInInput
{
    [Required(ErrorMessage = "Enter your user name.")]
    [StringLength(64)]
    public string UserName { get; set; } = "";

    [Required(ErrorMessage = "Enter your password.")]
    [StringLength(200)]
    public string Password { get; set; } = "";
}
